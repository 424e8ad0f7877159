import {
  CONSOLE_ROLES,
  type ConsoleUserInfo,
  listConsoleUsers,
  personalDataCap,
  readsPersonalData,
  roleChangesOf,
} from '@pledge/auth';
import type { RoleChangeRow, UserRow, UsersPageModel } from '@pledge/console';
import type { Runtime } from '../runtime.js';

/** Most role changes the page lists. */
export const ROLE_HISTORY_MAX = 200;

/** The manifest's cap on holders of roles reading personal data, from the policy in force. */
export async function capInForce(rt: Runtime): Promise<number | undefined> {
  await rt.syncPolicy();
  return personalDataCap(rt.engine.policy.manifest);
}

function toRow(user: ConsoleUserInfo): UserRow {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    secondFactor: user.totpEnrolled,
    confidentiality: user.confidentialityAcknowledgedAt !== undefined,
    ...(user.disabledAt ? { disabledOn: user.disabledAt.toISOString().slice(0, 10) } : {}),
  };
}

/**
 * The users page's model: every console user, the roles, the cap of the policy in force and
 * the role history (most recent {@link ROLE_HISTORY_MAX} changes, actors by e-mail when they
 * are console users). `extra` adds the outcome of a form.
 */
export async function loadUsersPage(
  rt: Runtime,
  extra: Pick<UsersPageModel, 'notice' | 'secret' | 'form'> = {},
): Promise<UsersPageModel> {
  const cap = await capInForce(rt);
  const users = await listConsoleUsers(rt.store);
  const emailOf = new Map(users.map((u) => [u.id, u.email]));
  const changes = (
    await Promise.all(
      users.map(async (u) => (await roleChangesOf(rt.store, u.id)).map((c) => ({ ...c, user: u.email }))),
    )
  ).flat();
  const history: RoleChangeRow[] = changes
    .sort((a, b) => b.at.getTime() - a.at.getTime())
    .slice(0, ROLE_HISTORY_MAX)
    .map((c) => ({
      at: c.at.toISOString(),
      user: c.user,
      actor: emailOf.get(c.actor) ?? c.actor,
      ...(c.from ? { from: c.from } : {}),
      to: c.to,
    }));
  return {
    users: users.map(toRow),
    roles: CONSOLE_ROLES,
    personalDataRoles: CONSOLE_ROLES.filter(readsPersonalData),
    ...(cap === undefined ? {} : { personalDataCap: cap }),
    history,
    ...extra,
  };
}
