/**
 * The hand-written baseline's SQL: what an engineer who knows the camera-app schema would
 * write for one subject, one statement per table, every lookup on an index. Each runs as a
 * named (prepared) statement on one long-lived connection.
 */

/** Account ids of the subject: by id, phone or e-mail, or through its logins' external ids and its devices' serials. */
const SUBJECT_ACCOUNT_IDS = `
  SELECT unnest($1::bigint[])
  UNION SELECT id FROM accounts WHERE phone = ANY($2::text[])
  UNION SELECT id FROM accounts WHERE email = ANY($3::text[])
  UNION SELECT account_id FROM third_party_logins WHERE external_id = ANY($4::text[])
  UNION SELECT account_id FROM devices WHERE serial_number = ANY($5::text[])`;

/** Reads of an access request, in order; later ones take the account ids ($2) and device ids ($1) found. */
export const ACCESS = {
  accounts: `SELECT * FROM accounts WHERE id IN (${SUBJECT_ACCOUNT_IDS}) ORDER BY id`,
  thirdPartyLogins:
    'SELECT * FROM third_party_logins WHERE external_id = ANY($1::text[]) OR account_id = ANY($2::bigint[]) ORDER BY id',
  devices:
    'SELECT * FROM devices WHERE serial_number = ANY($1::text[]) OR account_id = ANY($2::bigint[]) ORDER BY id',
  deviceShares:
    'SELECT * FROM device_shares WHERE device_id = ANY($1::bigint[]) OR owner_account_id = ANY($2::bigint[]) ' +
    'OR guest_account_id = ANY($2::bigint[]) ORDER BY id',
  alarmEvents:
    'SELECT * FROM alarm_events WHERE device_id = ANY($1::bigint[]) OR account_id = ANY($2::bigint[]) ORDER BY id',
  intercomSessions:
    'SELECT * FROM intercom_sessions WHERE device_id = ANY($1::bigint[]) OR account_id = ANY($2::bigint[]) ORDER BY id',
} as const;

/**
 * An erasure: the account and device ids first (reads), then, in one transaction and
 * children first, the manifest's strategy per field: alarm events and intercom sessions
 * unlinked and anonymised (text to NULL, instants to the start of their UTC year, as the
 * PostgreSQL connector's `anonymise` does), every other table's rows deleted.
 */
export const ERASE = {
  accountIds: `SELECT id FROM accounts WHERE id IN (${SUBJECT_ACCOUNT_IDS})`,
  deviceIds: 'SELECT id FROM devices WHERE serial_number = ANY($1::text[]) OR account_id = ANY($2::bigint[])',
  intercomSessions:
    "UPDATE intercom_sessions SET device_id = NULL, account_id = NULL, started_at = date_trunc('year', started_at, 'UTC'), " +
    'audio_key = NULL WHERE device_id = ANY($1::bigint[]) OR account_id = ANY($2::bigint[])',
  alarmEvents:
    "UPDATE alarm_events SET device_id = NULL, account_id = NULL, kind = NULL, occurred_at = date_trunc('year', occurred_at, 'UTC'), " +
    'screenshot_key = NULL WHERE device_id = ANY($1::bigint[]) OR account_id = ANY($2::bigint[])',
  deviceShares:
    'DELETE FROM device_shares WHERE device_id = ANY($1::bigint[]) OR owner_account_id = ANY($2::bigint[]) ' +
    'OR guest_account_id = ANY($2::bigint[])',
  devices: 'DELETE FROM devices WHERE id = ANY($1::bigint[])',
  thirdPartyLogins:
    'DELETE FROM third_party_logins WHERE external_id = ANY($1::text[]) OR account_id = ANY($2::bigint[])',
  accounts: 'DELETE FROM accounts WHERE id = ANY($1::bigint[])',
} as const;
