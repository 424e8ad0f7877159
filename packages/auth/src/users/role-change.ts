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

/**
 * Records a role change in the same transaction as the change itself: every grant, change
 * and creation passes here. This is the one call point for the hash-chained access audit log
 * as well (append the change there too, inside `trx`).
 */
export async function recordRoleChange(trx: Transaction<ConsoleDatabase>, change: RoleChange): Promise<void> {
  await trx
    .insertInto('pledge_console_role_changes')
    .values({
      actor: change.actor,
      user_id: change.userId,
      from_role: change.from,
      to_role: change.to,
      at: change.at,
    })
    .execute();
}
