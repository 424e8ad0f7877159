import { addStoreOptions, configuredSubjectKey, type SettingFlags } from '@pledge/config';
import { recordAccesses } from '@pledge/engine';
import {
  DENIAL_GROUNDS,
  EXTENSION_REASONS,
  getRequest,
  listRequests,
  migrateRequests,
  REQUEST_STATES,
  type RequestState,
  type RequestView,
  requestEvents,
  type TransitionAction,
  transitionRequest,
} from '@pledge/requests';
import { migrateToLatest, type Store } from '@pledge/store';
import type { RegisterCommand } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { lockedMessage, openCliStore } from '../store/open-store.js';

interface Flags extends SettingFlags {
  format: string;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];
const ACTOR = { kind: 'system', id: 'cli' } as const;
const iso = (d: Date | null) => (d ? d.toISOString() : '-');

/** Opens the store the flags name (the embedded one by default), migrated, and runs `work` on it. */
async function withStore(
  io: CliIo,
  flags: SettingFlags,
  work: (store: Store, subjectKey: string | undefined) => Promise<ExitCode>,
): Promise<ExitCode> {
  const opened = await openCliStore(io, flags, { fallback: 'default', role: 'cli' });
  if (!opened.ok) {
    if (opened.error) io.stderr(`pledge: ${lockedMessage(opened.error)}\n`);
    return opened.exitCode;
  }
  const { store } = opened.opened;
  try {
    await migrateToLatest(store.db);
    await migrateRequests(store.db);
    const key = await configuredSubjectKey(opened.settings, store);
    return await work(store, key.ok && opened.durable ? key.key : undefined);
  } finally {
    await opened.opened.close();
  }
}

/** Records a read or change of a request's personal data in the access audit log (durable stores). */
async function audit(
  store: Store,
  key: string | undefined,
  r: RequestView,
  action: 'api-read' | 'api-write',
) {
  if (!key) return;
  const subject = r.identity['user-id']?.[0] ?? r.contact.address;
  const done = await recordAccesses(store.db, key, [{ action, actor: ACTOR, subject, requestId: r.id }]);
  if (!done.ok) throw new Error('the access audit log refused the entry');
}

function line(r: RequestView): string {
  const flags = [
    r.overdueAt ? 'OVERDUE' : '',
    r.extension ? 'extended' : '',
    r.duplicateOf ? `duplicate of ${r.duplicateOf}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return `${r.id}  ${r.right}  ${r.state}  due ${iso(r.dueAt)}  ${r.jurisdiction ?? '-'}  ${r.channel}${flags ? `  (${flags})` : ''}\n`;
}

async function step(io: CliIo, flags: Flags, id: string, action: TransitionAction): Promise<ExitCode> {
  return withStore(io, flags, async (store, key) => {
    const done = await transitionRequest(store.db, id, action, { actor: ACTOR });
    if (!done.ok) {
      io.stderr(`pledge: ${done.path}: ${done.message} (${done.code})\n`);
      return done.code === 'request.not-found' ? ExitCode.failed : ExitCode.usage;
    }
    await audit(store, key, done.request, 'api-write');
    io.stdout(flags.format === 'json' ? `${JSON.stringify(done.request, null, 2)}\n` : line(done.request));
    return ExitCode.ok;
  });
}

/**
 * `pledge requests list|show|extend|deny`: the request queue on the store the flags name (the
 * embedded store by default), by due date; one request with its history; the officer's
 * extension (with reasons) and denial (with grounds and the complaint route).
 */
export const registerRequests: RegisterCommand = (program, io, finish) => {
  const requests = program
    .command('requests')
    .description('data-subject requests and their deadlines (docs/requests.md)');

  addStoreOptions(
    requests
      .command('list')
      .description('requests by due date, soonest first')
      .option('--state <state>', `only this state: ${REQUEST_STATES.join(', ')}`)
      .option('--overdue', 'only requests past their deadline')
      .option('--format <format>', 'text or json', 'text'),
  ).action(async (flags: Flags & { state?: string; overdue?: boolean }) => {
    if (flags.state && !(REQUEST_STATES as readonly string[]).includes(flags.state)) {
      io.stderr(`pledge: --state must be one of ${REQUEST_STATES.join(', ')}\n`);
      return finish(ExitCode.usage);
    }
    finish(
      await withStore(io, flags, async (store) => {
        const rows = await listRequests(store.db, {
          ...(flags.state ? { states: [flags.state as RequestState] } : {}),
          ...(flags.overdue ? { overdue: true } : {}),
        });
        // The list carries no contact address or identity value.
        const summary = rows.map(({ contact: _c, identity: _i, details: _d, agent: _a, ...rest }) => rest);
        io.stdout(
          flags.format === 'json' ? `${JSON.stringify(summary, null, 2)}\n` : rows.map(line).join(''),
        );
        return ExitCode.ok;
      }),
    );
  });

  addStoreOptions(
    requests
      .command('show <id>')
      .description('one request, with its contact and history (recorded in the access audit log)')
      .option('--format <format>', 'text or json', 'text'),
  ).action(async (id: string, flags: Flags) => {
    finish(
      await withStore(io, flags, async (store, key) => {
        const found = await getRequest(store.db, id).catch(() => undefined);
        if (!found) {
          io.stderr('pledge: no request has this id\n');
          return ExitCode.failed;
        }
        await audit(store, key, found, 'api-read');
        const events = await requestEvents(store.db, id);
        if (flags.format === 'json') {
          io.stdout(`${JSON.stringify({ request: found, events }, null, 2)}\n`);
          return ExitCode.ok;
        }
        io.stdout(line(found));
        io.stdout(
          `  contact ${found.contact.kind} ${found.contact.address}\n  received ${iso(found.receivedAt)}  verified ${iso(found.verifiedAt)}  rule ${found.dueRule ?? '-'}\n`,
        );
        if (found.denial)
          io.stdout(
            `  denied: ${found.denial.grounds.join(', ')}; complaints: ${found.denial.complaintRoute}\n`,
          );
        for (const e of events)
          io.stdout(
            `  ${e.at.toISOString()}  ${e.action}  ${e.fromState ?? '-'} -> ${e.toState}  by ${e.actor.kind}:${e.actor.id}\n`,
          );
        return ExitCode.ok;
      }),
    );
  });

  addStoreOptions(
    requests
      .command('extend <id>')
      .description('extend the deadline once, within the law, with reasons')
      .requiredOption('--reason <reason>', `a reason (repeat): ${EXTENSION_REASONS.join(', ')}`, collect)
      .option('--note <text>', 'what the requester is told (no other person’s data)')
      .option('--format <format>', 'text or json', 'text'),
  ).action(async (id: string, flags: Flags & { reason: string[]; note?: string }) => {
    const action = { action: 'extend', reasons: flags.reason, ...(flags.note ? { note: flags.note } : {}) };
    finish(await step(io, flags, id, action as TransitionAction));
  });

  addStoreOptions(
    requests
      .command('deny <id>')
      .description('deny a request, with grounds and the complaint route')
      .requiredOption('--ground <ground>', `a ground (repeat): ${DENIAL_GROUNDS.join(', ')}`, collect)
      .requiredOption('--complaint-route <text>', 'where the requester may complain (the regulator)')
      .option('--explanation <text>', 'why, in words')
      .option('--format <format>', 'text or json', 'text'),
  ).action(
    async (id: string, flags: Flags & { ground: string[]; complaintRoute: string; explanation?: string }) => {
      const action = {
        action: 'deny',
        grounds: flags.ground,
        complaintRoute: flags.complaintRoute,
        ...(flags.explanation ? { explanation: flags.explanation } : {}),
      };
      finish(await step(io, flags, id, action as TransitionAction));
    },
  );
};
