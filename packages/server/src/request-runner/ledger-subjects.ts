import type { RequestView } from '@pledge/requests';

/**
 * The identifiers a request's ledger events are recorded under: the application's user ids when
 * the request names them (what `POST /v1/consents` and the SDK record under), else its e-mail
 * addresses (what the privacy center knows of a visitor), else an e-mail contact address.
 */
export function ledgerSubjects(request: RequestView): string[] {
  const ids = request.identity['user-id'] ?? [];
  if (ids.length > 0) return [...new Set(ids)];
  const emails = request.identity.email ?? [];
  if (emails.length > 0) return [...new Set(emails)];
  return request.contact.kind === 'email' ? [request.contact.address] : [];
}
