/**
 * Every role a console user can hold: the one list. Each role is given the least its work
 * needs (see {@link ROLE_PERMISSIONS}); `docs/roles.md` shows the matrix.
 */
export const CONSOLE_ROLES = ['owner', 'privacy-officer', 'support-agent', 'auditor', 'engineer'] as const;
/** One of {@link CONSOLE_ROLES}. */
export type ConsoleRole = (typeof CONSOLE_ROLES)[number];

/**
 * Everything a console user may be allowed to do: the one list. A console page or route names
 * the permission it needs; a role holds a fixed set of them. Extend by appending.
 */
export const CONSOLE_PERMISSIONS = [
  /** See the dashboard: counts and charts, no personal values. */
  'dashboard:read',
  /** Create users, change roles, disable accounts. */
  'users:manage',
  /** Look up one subject's consents and requests (a reason is required). */
  'subjects:lookup',
  /** Download a subject's data (access packages, exports). */
  'subjects:export',
  /** Read the access audit log (who looked at whose data, never the data). */
  'audit:read',
  /** Open and sign off access reviews. */
  'reviews:sign',
  /** Read the recipients register, contracts and the disclosure log. */
  'recipients:read',
  /** Add contracts, record inspections, end engagements. */
  'recipients:manage',
  /** Read policy versions, diffs, lint reports and the data map. */
  'policies:read',
  /** Publish a policy version. */
  'policies:publish',
  /** Manage connectors and API keys. */
  'connectors:manage',
  /** Work the data-subject request queue: verify, clarify, extend, deny, complete (no contact shown). */
  'requests:manage',
] as const;
/** One of {@link CONSOLE_PERMISSIONS}. */
export type ConsolePermission = (typeof CONSOLE_PERMISSIONS)[number];

/**
 * The permissions of each role. Support agents look up subjects (with a reason) but cannot
 * export; auditors read logs and the register but no personal data; engineers manage
 * connectors and keys and see no subject; the privacy officer does everything but manage
 * users; the owner also manages users.
 */
export const ROLE_PERMISSIONS: Readonly<Record<ConsoleRole, readonly ConsolePermission[]>> = {
  owner: CONSOLE_PERMISSIONS,
  'privacy-officer': [
    'dashboard:read',
    'subjects:lookup',
    'subjects:export',
    'audit:read',
    'reviews:sign',
    'recipients:read',
    'recipients:manage',
    'policies:read',
    'policies:publish',
    'requests:manage',
  ],
  'support-agent': ['dashboard:read', 'subjects:lookup'],
  auditor: ['dashboard:read', 'audit:read', 'reviews:sign', 'recipients:read', 'policies:read'],
  engineer: ['dashboard:read', 'policies:read', 'connectors:manage'],
};

/** The permissions that read personal values; roles holding one count against the manifest's cap. */
export const PERSONAL_DATA_PERMISSIONS: readonly ConsolePermission[] = ['subjects:lookup', 'subjects:export'];

/** Whether a role holds a permission. */
export function roleAllows(role: ConsoleRole, permission: ConsolePermission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** Whether a role can read personal data (and so counts against the cap on such holders). */
export function readsPersonalData(role: ConsoleRole): boolean {
  return PERSONAL_DATA_PERMISSIONS.some((permission) => roleAllows(role, permission));
}

/** Whether a value is one of {@link CONSOLE_ROLES}. */
export function isConsoleRole(value: unknown): value is ConsoleRole {
  return typeof value === 'string' && (CONSOLE_ROLES as readonly string[]).includes(value);
}

/** A signed-in console user as pages and routes see them (never the password or second factor). */
export interface ConsoleUser {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: ConsoleRole;
}
