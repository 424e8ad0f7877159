import type { ConsolePermission } from '@pledge/auth';

/**
 * Every page of the console: the one list, in navigation order. A page is shown in the
 * navigation, and served, only to a user whose role holds its permission.
 */
export const CONSOLE_PAGES = [
  { id: 'dashboard', path: '/console', label: 'Dashboard', permission: 'dashboard:read' },
  { id: 'subjects', path: '/console/subjects', label: 'Subject lookup', permission: 'subjects:lookup' },
  { id: 'audit', path: '/console/audit', label: 'Access audit', permission: 'audit:read' },
  { id: 'reviews', path: '/console/reviews', label: 'Access reviews', permission: 'reviews:sign' },
  { id: 'requests', path: '/console/requests', label: 'Requests', permission: 'requests:manage' },
  { id: 'outbox', path: '/console/outbox', label: 'Outbox and inbox', permission: 'requests:manage' },
  { id: 'recipients', path: '/console/recipients', label: 'Recipients', permission: 'recipients:read' },
  { id: 'data-map', path: '/console/data-map', label: 'Data map', permission: 'policies:read' },
  { id: 'policies', path: '/console/policies', label: 'Policies', permission: 'policies:read' },
  { id: 'users', path: '/console/users', label: 'Users and roles', permission: 'users:manage' },
  { id: 'keys', path: '/console/keys', label: 'Keys and connectors', permission: 'connectors:manage' },
] as const satisfies readonly { id: string; path: string; label: string; permission: ConsolePermission }[];
/** The id of one of {@link CONSOLE_PAGES}. */
export type ConsolePageId = (typeof CONSOLE_PAGES)[number]['id'];
