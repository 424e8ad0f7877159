import type { Kysely } from 'kysely';
import type { RequestState } from '../workflow/states.js';
import type { RequestsDatabase } from './schema.js';
import { type RequestEvent, type RequestView, toEvent, toView } from './view.js';

/** The request tables of a store's database. */
export function requestsDb<T>(db: Kysely<T>): Kysely<RequestsDatabase> {
  return db as unknown as Kysely<RequestsDatabase>;
}

/** A request by id, or undefined. */
export async function getRequest<T>(db: Kysely<T>, id: string): Promise<RequestView | undefined> {
  const row = await requestsDb(db)
    .selectFrom('pledge_requests')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toView(row) : undefined;
}

/** Filters of {@link listRequests}. */
export interface ListRequestsQuery {
  states?: readonly RequestState[];
  /** Only requests past their deadline (true) or not (false). */
  overdue?: boolean;
  /** Default 100, at most 1000. */
  limit?: number;
  offset?: number;
}

/** Requests by due date, soonest first; requests with no due date yet come last. */
export async function listRequests<T>(db: Kysely<T>, query: ListRequestsQuery = {}): Promise<RequestView[]> {
  let q = requestsDb(db).selectFrom('pledge_requests').selectAll();
  if (query.states && query.states.length > 0) q = q.where('state', 'in', [...query.states]);
  if (query.overdue === true) q = q.where('overdue_at', 'is not', null);
  if (query.overdue === false) q = q.where('overdue_at', 'is', null);
  const rows = await q
    .orderBy(
      (eb) => eb.ref('due_at'),
      (ob) => ob.asc().nullsLast(),
    )
    .orderBy('received_at', 'asc')
    .orderBy('id')
    .limit(Math.min(Math.max(query.limit ?? 100, 1), 1000))
    .offset(Math.max(query.offset ?? 0, 0))
    .execute();
  return rows.map(toView);
}

/** The history of a request, oldest first. */
export async function requestEvents<T>(db: Kysely<T>, id: string): Promise<RequestEvent[]> {
  const rows = await requestsDb(db)
    .selectFrom('pledge_request_events')
    .selectAll()
    .where('request_id', '=', id)
    .orderBy('seq')
    .execute();
  return rows.map(toEvent);
}
