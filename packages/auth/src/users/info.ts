import type { Selectable } from 'kysely';
import type { ConsoleRole, ConsoleUser } from '../roles.js';
import type { ConsoleUserTable } from './tables.js';

/** A console user as listings show them: never the password hash or the TOTP secret. */
export interface ConsoleUserInfo extends ConsoleUser {
  readonly createdAt: Date;
  readonly disabledAt?: Date;
  /** When the user's confidentiality obligation was put on record (P1-53). */
  readonly confidentialityAcknowledgedAt?: Date;
  readonly totpEnrolled: boolean;
  readonly passwordSet: boolean;
  readonly lockedUntil?: Date;
}

/** The public view of a stored row. */
export function toUserInfo(row: Selectable<ConsoleUserTable>): ConsoleUserInfo {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as ConsoleRole,
    createdAt: new Date(row.created_at),
    ...(row.disabled_at ? { disabledAt: new Date(row.disabled_at) } : {}),
    ...(row.confidentiality_ack_at
      ? { confidentialityAcknowledgedAt: new Date(row.confidentiality_ack_at) }
      : {}),
    totpEnrolled: row.totp_secret !== null,
    passwordSet: row.password_hash !== null,
    ...(row.locked_until ? { lockedUntil: new Date(row.locked_until) } : {}),
  };
}

/** The signed-in view of a user. */
export function toConsoleUser(
  row: Pick<Selectable<ConsoleUserTable>, 'id' | 'email' | 'name' | 'role'>,
): ConsoleUser {
  return { id: row.id, email: row.email, name: row.name, role: row.role as ConsoleRole };
}
