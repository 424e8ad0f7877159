import {
  CONSOLE_ROLES,
  type ConsoleUserInfo,
  createConsoleUser,
  disableConsoleUser,
  enrolTotp,
  listConsoleUsers,
  personalDataCap,
  setConsoleRole,
  type UserIssue,
} from '@pledge/auth';
import {
  addStoreOptions,
  configuredSubjectKey,
  type SettingFlags,
  type SubjectKeySettings,
} from '@pledge/config';
import { latestPolicy, migrateToLatest, type Store } from '@pledge/store';
import type { RegisterCommand } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { lockedMessage, openCliStore } from '../store/open-store.js';

type Outcome = { ok: true } | { ok: false; code: ExitCode; message: string };

/** Who the command line records as the actor of a change. */
const CLI_ACTOR = 'cli';

/**
 * Runs a user operation on the store the flags name. Console users are managed on the store
 * itself: with the embedded store held by a running server, stop it first (or use PostgreSQL).
 */
async function withStore(
  io: CliIo,
  flags: SettingFlags,
  run: (store: Store, cap: number | undefined, settings: SubjectKeySettings) => Promise<Outcome>,
): Promise<Outcome> {
  const opened = await openCliStore(io, flags, { fallback: 'default', role: 'cli' });
  if (!opened.ok) {
    const { error } = opened;
    return { ok: false, code: opened.exitCode, message: error ? lockedMessage(error) : '' };
  }
  try {
    const { store } = opened.opened;
    await migrateToLatest(store.db);
    const current = await latestPolicy(store.db);
    return await run(store, current ? personalDataCap(current.manifest) : undefined, opened.settings);
  } finally {
    await opened.opened.close();
  }
}

const refused = (issue: UserIssue): Outcome => ({
  ok: false,
  code: issue.code === 'unknown-user' ? ExitCode.failed : ExitCode.usage,
  message: `${issue.message} (${issue.code})`,
});

function describeUser(u: ConsoleUserInfo): string {
  const flags = [
    u.disabledAt ? `DISABLED ${u.disabledAt.toISOString()}` : '',
    u.totpEnrolled ? 'totp' : 'no-totp',
    u.confidentialityAcknowledgedAt ? 'confidentiality-on-record' : '',
    u.lockedUntil && u.lockedUntil > new Date() ? `LOCKED until ${u.lockedUntil.toISOString()}` : '',
  ].filter(Boolean);
  return `${u.id}  ${u.email}  ${u.role}  "${u.name}"  ${flags.join('  ')}`;
}

function finishWith(io: CliIo, finish: (code: ExitCode) => void, outcome: Outcome): void {
  if (!outcome.ok && outcome.message) io.stderr(`pledge: ${outcome.message}\n`);
  finish(outcome.ok ? ExitCode.ok : outcome.code);
}

/**
 * `pledge users create|list|role|disable|totp`: console users on the store the flags name.
 * `create` prints a temporary password once, alone on stdout; `totp` prints the otpauth://
 * URI once. Grants of roles reading personal data are checked against the cap of the
 * published policy (`security.personalDataAccessCap`); every role change is recorded.
 */
export const registerUsers: RegisterCommand = (program, io, finish) => {
  const users = program
    .command('users')
    .description('console users and roles (docs/roles.md, docs/console.md)');
  const roles = CONSOLE_ROLES.join(', ');

  addStoreOptions(
    users
      .command('create')
      .description('create a console user and print a temporary password once')
      .requiredOption('--email <email>', 'their e-mail address (how they sign in)')
      .requiredOption('--name <name>', 'their name, shown in the console')
      .requiredOption('--role <role>', `one of: ${roles}`)
      .option(
        '--confidentiality-acknowledged',
        'their confidentiality obligation is on record (required for roles reading personal data)',
      )
      .option('--no-password', 'no password: the user signs in through the identity provider only'),
  ).action(
    async (
      flags: SettingFlags & {
        email: string;
        name: string;
        role: string;
        confidentialityAcknowledged?: boolean;
        password: boolean;
      },
    ) => {
      let temporary: string | undefined;
      const outcome = await withStore(io, flags, async (store, cap) => {
        const made = await createConsoleUser(
          store,
          {
            email: flags.email,
            name: flags.name,
            role: flags.role,
            actor: CLI_ACTOR,
            ...(flags.password ? {} : { password: null }),
            confidentialityAcknowledged: flags.confidentialityAcknowledged === true,
          },
          cap === undefined ? {} : { personalDataCap: cap },
        );
        if (!made.ok) return refused(made.issue);
        io.stderr(`pledge: created ${describeUser(made.user)}\n`);
        temporary = made.temporaryPassword;
        return { ok: true };
      });
      if (outcome.ok && temporary) {
        io.stderr(
          'pledge: the temporary password below is shown this once; only its Argon2id hash is stored\n',
        );
        io.stdout(`${temporary}\n`);
      }
      finishWith(io, finish, outcome);
    },
  );

  addStoreOptions(
    users
      .command('list')
      .description('list console users (never passwords or second factors)')
      .option('--format <format>', 'text or json', 'text'),
  ).action(async (flags: SettingFlags & { format: string }) => {
    const outcome = await withStore(io, flags, async (store) => {
      const list = await listConsoleUsers(store);
      if (flags.format === 'json') io.stdout(`${JSON.stringify(list, null, 2)}\n`);
      else io.stdout(list.length === 0 ? 'no console users\n' : `${list.map(describeUser).join('\n')}\n`);
      return { ok: true };
    });
    finishWith(io, finish, outcome);
  });

  addStoreOptions(
    users
      .command('role')
      .description('change a console user’s role (recorded: who, whom, from, to, when)')
      .argument('<email>', 'the user’s e-mail')
      .argument('<role>', `one of: ${roles}`)
      .option(
        '--confidentiality-acknowledged',
        'put their confidentiality obligation on record with this grant',
      ),
  ).action(
    async (email: string, role: string, flags: SettingFlags & { confidentialityAcknowledged?: boolean }) => {
      const outcome = await withStore(io, flags, async (store, cap) => {
        const changed = await setConsoleRole(
          store,
          {
            email,
            role,
            actor: CLI_ACTOR,
            confidentialityAcknowledged: flags.confidentialityAcknowledged === true,
          },
          cap === undefined ? {} : { personalDataCap: cap },
        );
        if (!changed.ok) return refused(changed.issue);
        io.stdout(
          changed.changed ? `${changed.user.id} is now ${role}\n` : `${changed.user.id} already is ${role}\n`,
        );
        return { ok: true };
      });
      finishWith(io, finish, outcome);
    },
  );

  addStoreOptions(
    users
      .command('disable')
      .description('disable a console user and end their sessions')
      .argument('<email>', 'the user’s e-mail'),
  ).action(async (email: string, flags: SettingFlags) => {
    const outcome = await withStore(io, flags, async (store) => {
      const done = await disableConsoleUser(store, email);
      if (!done.ok) return refused(done.issue);
      io.stdout(`disabled ${done.user.id}\n`);
      return { ok: true };
    });
    finishWith(io, finish, outcome);
  });

  addStoreOptions(
    users
      .command('totp')
      .description('enrol a TOTP second factor and print its otpauth:// URI once (replaces any earlier one)')
      .argument('<email>', 'the user’s e-mail'),
  ).action(async (email: string, flags: SettingFlags) => {
    let uri: string | undefined;
    const outcome = await withStore(io, flags, async (store, _cap, settings) => {
      // The secret is sealed with the deployment's key, which the server also holds.
      const key = await configuredSubjectKey(settings, store);
      if (!key.ok) return { ok: false, code: ExitCode.failed, message: key.message };
      const enrolled = await enrolTotp(store, email, { key: key.key });
      if (!enrolled.ok) return refused(enrolled.issue);
      uri = enrolled.uri;
      return { ok: true };
    });
    if (outcome.ok && uri) {
      io.stderr('pledge: add this to the authenticator app now; it is shown this once\n');
      io.stdout(`${uri}\n`);
    }
    finishWith(io, finish, outcome);
  });
};
