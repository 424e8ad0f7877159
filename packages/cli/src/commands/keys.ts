import { API_SCOPES, type ApiKeyInfo, createApiKey, listApiKeys, revokeApiKey } from '@pledge/auth';
import { addStoreOptions, type SettingFlags } from '@pledge/config';
import { migrateToLatest } from '@pledge/store';
import type { RegisterCommand } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { type CliStore, lockedMessage, openCliStore } from '../store/open-store.js';
import { callServer } from '../store/server-call.js';

interface CreateFlags extends SettingFlags {
  name: string;
  scope: string[];
  origin?: string[];
  site?: boolean;
  actor?: string;
  format: string;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

type Outcome<T> = { ok: true; value: T } | { ok: false; code: ExitCode; message: string };

/**
 * Runs a key operation on the store the flags name: directly, or through the API of the
 * server that holds the embedded store (PGlite has one owner), with PLEDGE_API_KEY.
 */
async function withKeys<T>(
  io: CliIo,
  flags: SettingFlags,
  direct: (store: Extract<CliStore, { ok: true }>['opened']['store']) => Promise<Outcome<T>>,
  through: (url: string, key: string | undefined) => Promise<Outcome<T>>,
): Promise<Outcome<T>> {
  const opened = await openCliStore(io, flags, { fallback: 'default', role: 'cli' });
  if (!opened.ok) {
    const { error, settings } = opened;
    if (error?.code === 'store.locked' && error.holder.role === 'server' && error.holder.url) {
      io.stderr(
        `pledge: a Pledge server (process ${error.holder.pid}) holds ${error.dataDir}; managing keys through its API\n`,
      );
      return through(error.holder.url, settings?.apiKey ?? settings?.apiToken);
    }
    return { ok: false, code: opened.exitCode, message: error ? lockedMessage(error) : '' };
  }
  try {
    await migrateToLatest(opened.opened.store.db);
    return await direct(opened.opened.store);
  } finally {
    await opened.opened.close();
  }
}

function finishWith<T>(
  io: CliIo,
  finish: (code: ExitCode) => void,
  outcome: Outcome<T>,
  print: (value: T) => void,
): void {
  if (!outcome.ok) {
    if (outcome.message) io.stderr(`pledge: ${outcome.message}\n`);
    finish(outcome.code);
    return;
  }
  print(outcome.value);
  finish(ExitCode.ok);
}

function describeKey(k: ApiKeyInfo | KeyJson): string {
  const revoked = k.revokedAt ? `  REVOKED ${new Date(k.revokedAt).toISOString()}` : '';
  const origins = k.origins?.length ? `  origins ${k.origins.join(',')}` : '';
  return `${k.id}  ${k.kind}  ${k.scopes.join(',')}  actor ${k.actor}${origins}  "${k.name}"${revoked}`;
}

interface KeyJson {
  id: string;
  name: string;
  kind: string;
  scopes: readonly string[];
  origins?: readonly string[] | undefined;
  actor: string;
  createdAt: string | Date;
  revokedAt?: string | Date;
}

function serverFailure(status: number, json: unknown): Outcome<never> {
  const error = (json as { error?: { message?: string } } | undefined)?.error;
  return {
    ok: false,
    code: status === 400 ? ExitCode.usage : ExitCode.failed,
    message: `the server answered ${status}: ${error?.message ?? ''}`,
  };
}

/**
 * `pledge keys create|list|revoke`: API keys, on the store the flags name (or through the
 * running server that holds the embedded store). `create` prints the secret once, alone on
 * stdout (so `$(pledge keys create ...)` captures it); the store keeps only its digest.
 */
export const registerKeys: RegisterCommand = (program, io, finish) => {
  const keys = program.command('keys').description('API keys of the server (docs/api-keys.md)');

  addStoreOptions(
    keys
      .command('create')
      .description('create an API key and print its secret once')
      .requiredOption('--name <name>', 'what the key is for, e.g. "checkout backend"')
      .requiredOption('--scope <scope>', `a scope (repeat for several): ${API_SCOPES.join(', ')}`, collect)
      .option(
        '--origin <origin>',
        'an origin a browser may call from (repeat); required with --site',
        collect,
      )
      .option(
        '--site',
        'a site key for browsers: consent:write only, its origins only, rate-limited per address',
      )
      .option('--actor <actor>', 'ledger actor of the events it records (default subject)')
      .option('--format <format>', 'text or json', 'text'),
  ).action(async (flags: CreateFlags) => {
    const input = {
      name: flags.name,
      kind: flags.site ? ('site' as const) : ('secret' as const),
      scopes: flags.scope,
      ...(flags.origin ? { origins: flags.origin } : {}),
      ...(flags.actor ? { actor: flags.actor } : {}),
    };
    const outcome = await withKeys<{ secret: string; key: KeyJson }>(
      io,
      flags,
      async (store) => {
        const made = await createApiKey(store, input);
        if (!made.ok)
          return {
            ok: false,
            code: ExitCode.usage,
            message: `--${made.issue.path.split('.')[0]}: ${made.issue.message}`,
          };
        return { ok: true, value: made.created };
      },
      async (url, key) => {
        const res = await callServer(url, key, { method: 'POST', path: '/v1/keys', body: input });
        if (!res.ok) return { ok: false, code: ExitCode.failed, message: res.message };
        if (res.status !== 201) return serverFailure(res.status, res.json);
        return { ok: true, value: res.json as { secret: string; key: KeyJson } };
      },
    );
    finishWith(io, finish, outcome, ({ secret, key }) => {
      if (flags.format === 'json') {
        io.stdout(`${JSON.stringify({ secret, key }, null, 2)}\n`);
        return;
      }
      io.stderr(
        `pledge: created ${describeKey(key)}\npledge: the secret below is shown this once; only its digest is stored\n`,
      );
      io.stdout(`${secret}\n`);
    });
  });

  addStoreOptions(
    keys
      .command('list')
      .description('list API keys (never their secrets)')
      .option('--format <format>', 'text or json', 'text'),
  ).action(async (flags: SettingFlags & { format: string }) => {
    const outcome = await withKeys<KeyJson[]>(
      io,
      flags,
      async (store) => ({ ok: true, value: await listApiKeys(store) }),
      async (url, key) => {
        const res = await callServer(url, key, { method: 'GET', path: '/v1/keys' });
        if (!res.ok) return { ok: false, code: ExitCode.failed, message: res.message };
        if (res.status !== 200) return serverFailure(res.status, res.json);
        return { ok: true, value: (res.json as { keys: KeyJson[] }).keys };
      },
    );
    finishWith(io, finish, outcome, (list) => {
      if (flags.format === 'json') io.stdout(`${JSON.stringify(list, null, 2)}\n`);
      else
        io.stdout(
          list.length === 0
            ? 'no API keys (the server runs in development mode)\n'
            : `${list.map(describeKey).join('\n')}\n`,
        );
    });
  });

  addStoreOptions(
    keys.command('revoke').description('revoke an API key by id').argument('<id>', 'the key id (key_...)'),
  ).action(async (id: string, flags: SettingFlags) => {
    const outcome = await withKeys<true>(
      io,
      flags,
      async (store) =>
        (await revokeApiKey(store, id))
          ? { ok: true, value: true }
          : { ok: false, code: ExitCode.failed, message: `no active API key has id ${id}` },
      async (url, key) => {
        const res = await callServer(url, key, {
          method: 'DELETE',
          path: `/v1/keys/${encodeURIComponent(id)}`,
        });
        if (!res.ok) return { ok: false, code: ExitCode.failed, message: res.message };
        if (res.status === 404)
          return { ok: false, code: ExitCode.failed, message: `no active API key has id ${id}` };
        if (res.status !== 200) return serverFailure(res.status, res.json);
        return { ok: true, value: true };
      },
    );
    finishWith(io, finish, outcome, () => io.stdout(`revoked ${id}\n`));
  });
};
