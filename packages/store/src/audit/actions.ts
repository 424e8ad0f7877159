/**
 * What an audit entry records: one kind of read or write of personal data through Pledge.
 * The one list; reviews, filters and the API all use it.
 */
export const AUDIT_ACTIONS = [
  'subject-lookup',
  'ledger-read',
  'consent-write',
  'request-package',
  'export',
  'api-read',
  'api-write',
  'sdk-access',
  'disclosure',
  'role-change',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Who acted: a console user, an API key, an application through the SDK, or Pledge itself. */
export const AUDIT_ACTOR_KINDS = ['user', 'key', 'sdk', 'system'] as const;
export type AuditActorKind = (typeof AUDIT_ACTOR_KINDS)[number];

/** Actions that need a reason (a person looked someone up and must say why). */
export const AUDIT_ACTIONS_NEEDING_REASON: readonly AuditAction[] = ['subject-lookup'];

/** Bounds of an entry's text fields (characters), so an entry stays a record, not a payload. */
export const AUDIT_LIMITS = {
  actorId: 200,
  subject: 128,
  categories: 50,
  slug: 100,
  reasonMin: 3,
  reasonMax: 500,
  requestId: 128,
  maxCount: 1_000_000_000,
} as const;
