import {
  API_SCOPES,
  type ApiScope,
  createApiKey,
  listApiKeys,
  PERSONAL_DATA_SCOPES,
  revokeApiKey,
  roleAllows,
} from '@pledge/auth';
import { createConnector } from '@pledge/connectors';
import { type ConnectorRow, type KeysPageModel, renderKeysPage } from '@pledge/console';
import type { Dataset } from '@pledge/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { formField } from '../form-field.js';
import type { Runtime } from '../runtime.js';
import type { ConsoleOptions } from './options.js';
import { requirePermission } from './require-permission.js';
import { consolePageContext } from './state.js';

const PAGE = '/console/keys';
/** How long a connection check may take before it is reported as failed. */
const CHECK_TIMEOUT_MS = 5_000;

type Env = Readonly<Record<string, string | undefined>>;
type Extra = Pick<KeysPageModel, 'notice' | 'created'> & {
  check?: { dataset: string; ok: boolean; message: string };
};

/** A text field of the form post ('' when absent). */
const field = (request: FastifyRequest, name: string): string => formField(request.body, name) ?? '';

/** Scopes a role may put on a key: those reading personal data only with `subjects:export`. */
function grantable(role: Parameters<typeof roleAllows>[0]): ApiScope[] {
  const personal = roleAllows(role, 'subjects:export');
  return API_SCOPES.filter((scope) => personal || !PERSONAL_DATA_SCOPES.includes(scope));
}

async function datasets(rt: Runtime): Promise<readonly Dataset[]> {
  await rt.syncPolicy();
  return rt.engine.policy.manifest.datasets ?? [];
}

async function page(
  rt: Runtime,
  env: Env,
  request: FastifyRequest,
  reply: FastifyReply,
  extra: Extra = {},
  status = 200,
): Promise<FastifyReply> {
  const session = consolePageContext(request);
  const keys = await listApiKeys(rt.store);
  const connectors: ConnectorRow[] = (await datasets(rt)).map((d) => {
    const variable = d.datastore.connection;
    const check =
      extra.check?.dataset === d.id ? { ok: extra.check.ok, message: extra.check.message } : undefined;
    return {
      dataset: d.id,
      kind: d.datastore.kind,
      ...(variable ? { variable } : {}),
      configured: variable !== undefined && Boolean(env[variable]),
      ...(check ? { check } : {}),
    };
  });
  const model: KeysPageModel = {
    keys: keys.map((k) => ({
      id: k.id,
      name: k.name,
      kind: k.kind,
      scopes: k.scopes,
      origins: k.origins ?? [],
      createdAt: k.createdAt.toISOString(),
      ...(k.revokedAt ? { revokedAt: k.revokedAt.toISOString() } : {}),
    })),
    connectors,
    scopes: API_SCOPES,
    grantable: grantable(session.user.role),
    ...(extra.notice ? { notice: extra.notice } : {}),
    ...(extra.created ? { created: extra.created } : {}),
  };
  const html = renderKeysPage(model, { user: session.user, csrfToken: session.csrfToken });
  return reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
}

const refused = (code: string, message: string) => ({ notice: { kind: 'error' as const, code, message } });

/**
 * Connects to a dataset's datastore and closes again. The answer names the driver's error
 * code only: a driver's message can quote the connection string, and with it a password.
 */
async function checkConnection(dataset: Dataset, value: string): Promise<{ ok: boolean; message: string }> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const connector = createConnector(dataset.datastore.kind, value);
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })),
        CHECK_TIMEOUT_MS,
      );
    });
    await Promise.race([connector.connect(), timeout]);
    await connector.close().catch(() => {});
    return { ok: true, message: `connected to the ${dataset.datastore.kind} datastore` };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const named = typeof code === 'string' && /^[A-Za-z0-9_]{1,40}$/.test(code) ? ` (${code})` : '';
    return { ok: false, message: `could not connect to the ${dataset.datastore.kind} datastore${named}` };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The console's keys and connectors page, behind `connectors:manage` and (for posts) the
 * session's CSRF token: list, create (the secret shown once) and revoke API keys; list each
 * dataset's connection variable and check the connection. A key with a scope that reads
 * personal data (`PERSONAL_DATA_SCOPES`) is created only by a user whose role may export
 * subjects' data: an engineer manages keys without giving anyone access to personal data.
 */
export function registerConsoleKeys(app: FastifyInstance, rt: Runtime, options: ConsoleOptions = {}): void {
  const env: Env = options.connectorEnv ?? process.env;
  const guard = { preHandler: requirePermission('connectors:manage') };

  app.get(PAGE, guard, async (request, reply) => page(rt, env, request, reply));

  app.post(PAGE, guard, async (request, reply) => {
    const session = consolePageContext(request);
    // One checkbox per scope (`scope-<scope>`): the form parser keeps one value per name.
    const scopes = API_SCOPES.filter((scope) => field(request, `scope-${scope}`) !== '');
    const beyond = scopes.filter(
      (s) =>
        (API_SCOPES as readonly string[]).includes(s) &&
        !grantable(session.user.role).includes(s as ApiScope),
    );
    if (beyond.length > 0) {
      const message = `scopes ${beyond.join(', ')} read personal data; only a user who may export subjects' data grants them`;
      return page(rt, env, request, reply, refused('key.scope-not-grantable', message), 403);
    }
    const name = field(request, 'name');
    const kind = field(request, 'kind');
    const origins = field(request, 'origins')
      .split(',')
      .map((o) => o.trim())
      .filter((o) => o.length > 0);
    const made = await createApiKey(rt.store, {
      name,
      scopes,
      ...(kind ? { kind: kind as 'secret' } : {}),
      ...(origins.length > 0 ? { origins } : {}),
    });
    if (!made.ok) {
      const { issue } = made;
      return page(rt, env, request, reply, refused(issue.code, `${issue.path}: ${issue.message}`), 400);
    }
    const created = { name: made.created.key.name, secret: made.created.secret };
    return page(rt, env, request, reply, { created }, 201);
  });

  app.post<{ Params: { id: string } }>(`${PAGE}/:id/revoke`, guard, async (request, reply) => {
    const revoked = await revokeApiKey(rt.store, request.params.id);
    if (!revoked)
      return page(rt, env, request, reply, refused('unknown-key', 'no active key has this id'), 404);
    const notice = {
      kind: 'success' as const,
      message: 'the key is revoked; calls with it are refused from now on',
    };
    return page(rt, env, request, reply, { notice });
  });

  app.post<{ Params: { dataset: string } }>(
    `${PAGE}/connectors/:dataset/check`,
    guard,
    async (request, reply) => {
      const dataset = (await datasets(rt)).find((d) => d.id === request.params.dataset);
      if (!dataset)
        return page(
          rt,
          env,
          request,
          reply,
          refused('unknown-dataset', 'the policy in force declares no such dataset'),
          404,
        );
      const variable = dataset.datastore.connection;
      const value = variable ? env[variable] : undefined;
      if (!value) {
        const message = variable
          ? `${variable} is not set in the server's environment`
          : 'the dataset names no connection variable';
        return page(rt, env, request, reply, refused('connection-not-configured', message), 409);
      }
      const check = { dataset: dataset.id, ...(await checkConnection(dataset, value)) };
      return page(rt, env, request, reply, { check });
    },
  );
}
