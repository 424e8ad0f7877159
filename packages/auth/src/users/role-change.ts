import { type AuditActor, appendAuditEntriesInTransaction } from '@pledge/store';
import type { Transaction } from 'kysely';
import type { ConsoleRole } from '../roles.js';
import type { ConsoleDatabase } from './tables.js';

/** One change of a console user's role (a grant at creation has no `from`). */
export interface RoleChange {
  /** Who made the change: a console user's id, or `cli` for the command line. */
  readonly actor: string;
  /** Whose role changed: the user's id (never the e-mail). */
  readonly userId: string;
  readonly from: ConsoleRole | null;
  readonly to: ConsoleRole;
  readonly at: Date;
}

/** The audit actor of a change: a console user by id, otherwise the tool that made it (`cli`). */
export function roleChangeActor(actor: string): AuditActor {
  return actor.startsWith('usr_') ? { kind: 'user', id: actor } : { kind: 'system', id: actor };
}

/**
 * Records a role change in the same transaction as the change itself: every grant, change
 * and creation passes here. The change goes to the role history and, as a `role-change`
 * entry, to the hash-chained access audit log, both or neither. The audit entry names the
 * actor and the history row (`requestId` `role-change:<seq>`), never an e-mail or a name.
 */
export async function recordRoleChange(trx: Transaction<ConsoleDatabase>, change: RoleChange): Promise<void> {
  const { seq } = await trx
    .insertInto('pledge_console_role_changes')
    .values({
      actor: change.actor,
      user_id: change.userId,
      from_role: change.from,
      to_role: change.to,
      at: change.at,
    })
    .returning('seq')
    .executeTakeFirstOrThrow();
  const appended = await appendAuditEntriesInTransaction<ConsoleDatabase>(trx, [
    { action: 'role-change', actor: roleChangeActor(change.actor), requestId: `role-change:${seq}` },
  ]);
  // The actor is ours (a user id or a tool's name), so a refusal here is a bug, not bad input.
  if (!appended.ok) {
    throw new Error(`role change not auditable: ${appended.issues.map((i) => i.code).join(', ')}`);
  }
}
