import { type Kysely, sql } from 'kysely';
import { getRequest } from '../store/queries.js';
import { dsrKindOf } from '../workflow/rights.js';

/**
 * The zipped access package of an access or portability request, once its DSR job stored one
 * (`pledge_dsr_packages`, in the same database); undefined for another right, a request not yet
 * carried out, or a database where no DSR job ever ran.
 */
export async function requestPackage<T>(db: Kysely<T>, id: string): Promise<Uint8Array | undefined> {
  const request = await getRequest(db, id);
  if (!request?.dsrRequestId || dsrKindOf(request.right) !== 'access') return undefined;
  const table = await sql<{ t: string | null }>`select to_regclass('pledge_dsr_packages')::text as t`.execute(
    db,
  );
  if (!table.rows[0]?.t) return undefined;
  const found = await sql<{ zip: Uint8Array }>`select zip from pledge_dsr_packages
    where request_id = ${request.dsrRequestId}`.execute(db);
  const zip = found.rows[0]?.zip;
  return zip ? new Uint8Array(zip) : undefined;
}
