import {
  createConsoleUser,
  disableConsoleUser,
  enrolTotp,
  listConsoleUsers,
  setConsoleRole,
  type UserIssue,
} from '@pledge/auth';
import { type ConsolePageContext, renderUsersPage, type UsersPageModel } from '@pledge/console';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { formField } from '../form-field.js';
import type { Runtime } from '../runtime.js';
import { requirePermission } from './require-permission.js';
import { consolePageContext } from './state.js';
import { capInForce, loadUsersPage } from './users-loader.js';

const PAGE = '/console/users';

/** HTTP status of a refused change: unknown user 404, a rule of the store 409, bad input 400. */
const STATUS: Partial<Record<UserIssue['code'], number>> = {
  'unknown-user': 404,
  'email-taken': 409,
  'personal-data-cap-reached': 409,
};

/** A text field of the form post ('' when absent). */
const field = (request: FastifyRequest, name: string): string => formField(request.body, name) ?? '';
const checked = (request: FastifyRequest, name: string): boolean => field(request, name) !== '';

async function page(
  rt: Runtime,
  request: FastifyRequest,
  reply: FastifyReply,
  extra: Pick<UsersPageModel, 'notice' | 'secret' | 'form'> = {},
  status = 200,
): Promise<FastifyReply> {
  const html = renderUsersPage(await loadUsersPage(rt, extra), consolePageContext(request));
  return reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
}

function refused(issue: { code: string; message: string }) {
  return { notice: { kind: 'error' as const, message: issue.message, code: issue.code } };
}

/** The user a `:id` route names, or undefined. */
async function userById(rt: Runtime, id: string) {
  return (await listConsoleUsers(rt.store)).find((u) => u.id === id);
}

/**
 * The console's users page, all behind `users:manage` and (for posts) the session's CSRF
 * token: `GET /console/users` lists users and the role history; `POST /console/users` creates
 * one and shows the temporary password and second-factor setup once; `POST
 * /console/users/:id/role` changes a role (refused beyond the manifest's
 * `security.personalDataAccessCap`, P0-30, shown with its code); `POST
 * /console/users/:id/disable` disables an account. Role changes are recorded in the role
 * history and the audit log by `@pledge/auth`. A user cannot change their own role or
 * disable themselves (`console-own-account`), so the console keeps someone who manages it.
 */
export function registerConsoleUsers(app: FastifyInstance, rt: Runtime): void {
  const guard = { preHandler: requirePermission('users:manage') };

  app.get(PAGE, guard, async (request, reply) => page(rt, request, reply));

  app.post(PAGE, guard, async (request, reply) => {
    const actor = consolePageContext(request).user.id;
    const form = {
      email: field(request, 'email'),
      name: field(request, 'name'),
      role: field(request, 'role'),
    };
    const cap = await capInForce(rt);
    const made = await createConsoleUser(
      rt.store,
      { ...form, actor, confidentialityAcknowledged: checked(request, 'confidentialityAcknowledged') },
      cap === undefined ? {} : { personalDataCap: cap },
    );
    if (!made.ok)
      return page(rt, request, reply, { ...refused(made.issue), form }, STATUS[made.issue.code] ?? 400);
    const totp = checked(request, 'totp')
      ? await enrolTotp(rt.store, made.user.email, { key: rt.subjectKey })
      : undefined;
    const secret = {
      email: made.user.email,
      ...(made.temporaryPassword ? { temporaryPassword: made.temporaryPassword } : {}),
      ...(totp?.ok ? { otpauthUri: totp.uri } : {}),
    };
    return page(rt, request, reply, { secret }, 201);
  });

  app.post<{ Params: { id: string } }>(
    `${PAGE}/:id/role`,
    guard,
    forOtherUser(rt, 'change your role', async (request, reply, user, self) => {
      const cap = await capInForce(rt);
      const changed = await setConsoleRole(
        rt.store,
        {
          email: user.email,
          role: field(request, 'role'),
          actor: self.id,
          confidentialityAcknowledged: checked(request, 'confidentialityAcknowledged'),
        },
        cap === undefined ? {} : { personalDataCap: cap },
      );
      if (!changed.ok)
        return page(rt, request, reply, refused(changed.issue), STATUS[changed.issue.code] ?? 400);
      const message = changed.changed
        ? `${changed.user.email} now holds the role ${changed.user.role}; their sessions were ended`
        : `${changed.user.email} already holds the role ${changed.user.role}`;
      return page(rt, request, reply, { notice: { kind: 'success', message } });
    }),
  );

  app.post<{ Params: { id: string } }>(
    `${PAGE}/:id/disable`,
    guard,
    forOtherUser(rt, 'disable your account', async (request, reply, user) => {
      const done = await disableConsoleUser(rt.store, user.email);
      if (!done.ok) return page(rt, request, reply, refused(done.issue), STATUS[done.issue.code] ?? 400);
      const message = `${done.user.email} is disabled; their sessions were ended`;
      return page(rt, request, reply, { notice: { kind: 'success', message } });
    }),
  );
}

type ConsoleUser = NonNullable<Awaited<ReturnType<typeof userById>>>;
type IdRequest = FastifyRequest<{ Params: { id: string } }>;

/**
 * The handler of a `:id` route that changes another user's account: an unknown id is refused
 * with 404, and the signed-in user's own account with 409 (another user who manages users
 * must `ownAccount`), so nobody locks themselves out.
 */
function forOtherUser(
  rt: Runtime,
  ownAccount: string,
  act: (
    request: IdRequest,
    reply: FastifyReply,
    user: ConsoleUser,
    self: ConsolePageContext['user'],
  ) => Promise<FastifyReply>,
): (request: IdRequest, reply: FastifyReply) => Promise<FastifyReply> {
  return async (request, reply) => {
    const self = consolePageContext(request).user;
    const user = await userById(rt, request.params.id);
    if (!user) {
      return page(
        rt,
        request,
        reply,
        refused({ code: 'unknown-user', message: 'no console user has this id' }),
        404,
      );
    }
    if (user.id === self.id) {
      return page(
        rt,
        request,
        reply,
        refused({
          code: 'console-own-account',
          message: `another user who manages users must ${ownAccount}`,
        }),
        409,
      );
    }
    return act(request, reply, user, self);
  };
}
