import type { Manifest } from '@pledge/core';
import { sql, type Transaction } from 'kysely';
import { CONSOLE_ROLES, readsPersonalData } from '../roles.js';
import { refuse, type UserIssue } from './issues.js';
import type { ConsoleDatabase } from './tables.js';

const PERSONAL_DATA_ROLES = CONSOLE_ROLES.filter(readsPersonalData);

/**
 * Checks the manifest's cap on holders of roles that read personal data
 * (`security.personalDataAccessCap`, P0-30) before one more is granted, inside the transaction
 * that grants it. The table is locked against concurrent grants first, so two grants cannot
 * both take the last place. Disabled users do not count. No cap: nothing to check.
 */
export async function checkPersonalDataCap(
  trx: Transaction<ConsoleDatabase>,
  userId: string | undefined,
  cap: number | undefined,
): Promise<{ ok: true } | { ok: false; issue: UserIssue }> {
  if (cap === undefined) return { ok: true };
  await sql`LOCK TABLE pledge_console_users IN SHARE ROW EXCLUSIVE MODE`.execute(trx);
  let query = trx
    .selectFrom('pledge_console_users')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('role', 'in', PERSONAL_DATA_ROLES)
    .where('disabled_at', 'is', null);
  if (userId !== undefined) query = query.where('id', '!=', userId);
  const holders = Number((await query.executeTakeFirstOrThrow()).n);
  if (holders + 1 > cap) {
    return refuse(
      'personal-data-cap-reached',
      'role',
      `the manifest allows at most ${cap} holders of roles that read personal data (security.personalDataAccessCap) and ${holders} hold one`,
    );
  }
  return { ok: true };
}

/** The manifest's cap on holders of roles reading personal data, if it sets one (none promised otherwise). */
export function personalDataCap(manifest: Pick<Manifest, 'security'>): number | undefined {
  return manifest.security?.personalDataAccessCap;
}
