import { type ConsoleRole, isConsoleRole, readsPersonalData } from '../roles.js';
import { checkPersonalDataCap } from './cap.js';
import type { UserChangeOptions } from './create.js';
import { foldEmail } from './email.js';
import { type ConsoleUserInfo, toUserInfo } from './info.js';
import { refuse, type UserResult } from './issues.js';
import { recordRoleChange } from './role-change.js';
import { type ConsoleStore, consoleDb } from './tables.js';

/** A role to give a user. */
export interface RoleGrant {
  readonly email: string;
  readonly role: ConsoleRole | string;
  /** Who changes it: a console user's id, or `cli`. */
  readonly actor: string;
  /** Put the user's confidentiality obligation on record with this grant (P1-53). */
  readonly confidentialityAcknowledged?: boolean;
}

/**
 * Changes a user's role. A role that reads personal data is refused beyond the manifest's
 * cap (`personal-data-cap-reached`, P0-30) and without the user's confidentiality obligation
 * on record. The change is recorded (who, whom, from, to, when) in the same transaction; the
 * user's sessions end, so the new role applies at once.
 */
export async function setConsoleRole(
  store: ConsoleStore,
  grant: RoleGrant,
  options: UserChangeOptions = {},
): Promise<UserResult<{ user: ConsoleUserInfo; changed: boolean }>> {
  const { role } = grant;
  if (!isConsoleRole(role)) return refuse('invalid-role', 'role', 'the role is not one of the console roles');
  const email = foldEmail(grant.email);
  const now = options.now ?? new Date();
  return consoleDb(store)
    .transaction()
    .execute(async (trx) => {
      const row = await trx
        .selectFrom('pledge_console_users')
        .selectAll()
        .where('email', '=', email)
        .executeTakeFirst();
      if (!row) return refuse('unknown-user', 'email', 'no console user has this e-mail');
      if (row.role === role) return { ok: true as const, user: toUserInfo(row), changed: false };
      const acknowledged = row.confidentiality_ack_at !== null || grant.confidentialityAcknowledged === true;
      if (readsPersonalData(role)) {
        if (!acknowledged) {
          return refuse(
            'confidentiality-not-acknowledged',
            'confidentialityAcknowledged',
            `the role ${role} reads personal data: the user's confidentiality obligation must be on record first`,
          );
        }
        if (row.disabled_at === null) {
          const cap = await checkPersonalDataCap(trx, row.id, options.personalDataCap);
          if (!cap.ok) return cap;
        }
      }
      const updated = await trx
        .updateTable('pledge_console_users')
        .set({
          role,
          ...(row.confidentiality_ack_at === null && grant.confidentialityAcknowledged
            ? { confidentiality_ack_at: now }
            : {}),
        })
        .where('id', '=', row.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordRoleChange(trx, {
        actor: grant.actor,
        userId: row.id,
        from: row.role as ConsoleRole,
        to: role,
        at: now,
      });
      await trx.deleteFrom('pledge_console_sessions').where('user_id', '=', row.id).execute();
      return { ok: true as const, user: toUserInfo(updated), changed: true };
    });
}

/** Disables a user (they keep their row and history) and ends their sessions. */
export async function disableConsoleUser(
  store: ConsoleStore,
  email: string,
  now: Date = new Date(),
): Promise<UserResult<{ user: ConsoleUserInfo }>> {
  return consoleDb(store)
    .transaction()
    .execute(async (trx) => {
      const row = await trx
        .updateTable('pledge_console_users')
        .set((eb) => ({ disabled_at: eb.fn.coalesce('disabled_at', eb.val(now)) }))
        .where('email', '=', foldEmail(email))
        .returningAll()
        .executeTakeFirst();
      if (!row) return refuse('unknown-user', 'email', 'no console user has this e-mail');
      await trx.deleteFrom('pledge_console_sessions').where('user_id', '=', row.id).execute();
      return { ok: true as const, user: toUserInfo(row) };
    });
}

/** Every console user, oldest first (disabled ones included, with their date). */
export async function listConsoleUsers(store: ConsoleStore): Promise<ConsoleUserInfo[]> {
  const rows = await consoleDb(store)
    .selectFrom('pledge_console_users')
    .selectAll()
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toUserInfo);
}

/** One user by e-mail (case-insensitive), or undefined. */
export async function findConsoleUser(
  store: ConsoleStore,
  email: string,
): Promise<ConsoleUserInfo | undefined> {
  const row = await consoleDb(store)
    .selectFrom('pledge_console_users')
    .selectAll()
    .where('email', '=', foldEmail(email))
    .executeTakeFirst();
  return row ? toUserInfo(row) : undefined;
}

/** The recorded role changes of a user, oldest first. */
export async function roleChangesOf(
  store: ConsoleStore,
  userId: string,
): Promise<{ actor: string; from: ConsoleRole | null; to: ConsoleRole; at: Date }[]> {
  const rows = await consoleDb(store)
    .selectFrom('pledge_console_role_changes')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({
    actor: r.actor,
    from: r.from_role as ConsoleRole | null,
    to: r.to_role as ConsoleRole,
    at: new Date(r.at),
  }));
}
