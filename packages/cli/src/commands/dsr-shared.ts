import { addStoreOptions, configuredSubjectKey, type OpenedStore, type SettingFlags } from '@pledge/config';
import { IdentityKind, type Issue } from '@pledge/core';
import {
  type DsrQueue,
  type IdentityValues,
  openDsrQueue,
  type RequestInput,
  type RequestReport,
  type RequestState,
  type RequestStatus,
  type WorkerOptions,
} from '@pledge/dsr';
import { EMBEDDED_DURABILITY_WARNING, migrateToLatest } from '@pledge/store';
import type { Command } from 'commander';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { lockedMessage, openCliStore } from '../store/open-store.js';

/** The `pledge dsr` command, created by the first subcommand registered. */
export function dsrCommand(program: Command): Command {
  return (
    program.commands.find((c) => c.name() === 'dsr') ??
    program
      .command('dsr')
      .description('plan and run data-subject requests (access, erase, rectify, restrict)')
  );
}

/** Collects a repeatable option. */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** `kind=value` pairs as identity values; an unknown kind or a pair without `=` is a usage error. */
export function parseIdentity(
  pairs: readonly string[],
): { ok: true; identity: IdentityValues } | { ok: false; message: string } {
  const identity: Record<string, string[]> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    const kind = pair.slice(0, Math.max(at, 0));
    if (at <= 0 || at === pair.length - 1)
      return { ok: false, message: `--identity ${kind || pair.split('=')[0]}: expected kind=value` };
    if (!IdentityKind.safeParse(kind).success) {
      return {
        ok: false,
        message: `--identity: unknown kind ${kind} (one of ${IdentityKind.options.join(', ')})`,
      };
    }
    identity[kind] = [...(identity[kind] ?? []), pair.slice(at + 1)];
  }
  return { ok: true, identity: identity as IdentityValues };
}

/** Options every executing subcommand takes. */
export interface RunFlags extends SettingFlags {
  identity: string[];
  batchSize?: string;
  confirmRoots?: string;
  wait: boolean;
  format: 'text' | 'json';
}

/** Adds the options of an executing subcommand. */
export function runOptions(command: Command): Command {
  return addStoreOptions(
    command.option(
      '--identity <kind=value>',
      'an identity of the subject (repeatable), e.g. email=a@example.com',
      collect,
      [],
    ),
  )
    .option('--batch-size <n>', 'keys per write statement', '1000')
    .option(
      '--confirm-roots <n>',
      'run even though the identity matches several root rows (accounts), if it matches exactly n',
    )
    .option('--no-wait', 'queue the request for `pledge dsr work` instead of running it now')
    .option('--format <format>', 'report format: text or json', 'text');
}

/** Prints plan issues as `severity code at path: message`. */
export function printIssues(io: CliIo, issues: readonly Issue[]): void {
  for (const i of issues) io.stderr(`${i.severity} ${i.code} at ${i.path}: ${i.message}\n`);
}

/** An open store and the DSR queue on it. */
export interface OpenQueue {
  opened: OpenedStore;
  queue: DsrQueue;
  /** Whether requests outlive the process (always, since requests are kept in the default data directory). */
  durable: boolean;
  /** The subject key, checked against the store's fingerprint (for the workers this process runs). */
  subjectKey: string;
  close(): Promise<void>;
}

/**
 * Opens the store (PostgreSQL, else PGlite in the data directory, the default one when none is
 * given, so `pledge dsr status` finds a request later) and the DSR queue on it; an embedded
 * database another process holds is refused, with why. Prints problems and returns the exit
 * code instead.
 */
export async function openQueue(
  io: CliIo,
  flags: SettingFlags,
  role = 'cli',
): Promise<{ ok: true; value: OpenQueue } | { ok: false; exitCode: ExitCode }> {
  const opened = await openCliStore(io, flags, { fallback: 'default', role });
  if (!opened.ok) {
    if (opened.error) io.stderr(`pledge: ${lockedMessage(opened.error)}\n`);
    return { ok: false, exitCode: opened.exitCode };
  }
  const { store } = opened.opened;
  try {
    await migrateToLatest(store.db);
    // Before anything runs: a key other than the store's is refused, naming the setting.
    const key = await configuredSubjectKey(opened.settings, store);
    if (!key.ok) {
      io.stderr(`pledge: ${key.message}\n`);
      await opened.opened.close();
      return { ok: false, exitCode: ExitCode.failed };
    }
    for (const warning of key.warnings) io.stderr(`pledge: warning: ${warning}\n`);
    if (store.kind === 'pglite' && store.dataDir)
      io.stderr(`pledge: warning: ${EMBEDDED_DURABILITY_WARNING}\n`);
    const queue = await openDsrQueue(store);
    return {
      ok: true,
      value: {
        opened: opened.opened,
        queue,
        durable: opened.durable,
        subjectKey: key.key,
        close: async () => {
          await queue.close();
          await opened.opened.close();
        },
      },
    };
  } catch (error) {
    await opened.opened.close();
    throw error;
  }
}

/** A report as text: one line per step, then what was kept, left, refused and failed. */
export function formatReport(state: RequestState): string {
  const report = state.report as RequestReport | null;
  const lines = [`request ${state.id} (${state.kind}): ${state.status}`];
  const review = report?.review;
  if (state.status === 'needs-review' && review) {
    const where = review.collections
      .filter((c) => c.matched > 0)
      .map((c) => `${c.dataset}.${c.collection} ${c.matched}`)
      .join(', ');
    lines.push(
      `  the identity matched ${review.total} root rows (${where}): it may name more than one person`,
      '  nothing was written; to run it for all of them:',
      `  pledge dsr confirm ${state.id} --roots ${review.total}`,
    );
  }
  if (state.status === 'no-data-found') lines.push('  no row matched the identity; nothing was written');
  for (const s of report?.steps ?? []) {
    const where = `${s.dataset}.${s.collection}`;
    const counts = `located ${s.located ?? '-'}, affected ${s.affected}, statements ${s.statements}`;
    lines.push(
      `  ${String(s.index + 1).padStart(2)}. ${s.status.padEnd(7)} ${where}: ${counts}${s.errorCode ? ` [${s.errorCode}]` : ''}`,
    );
  }
  for (const k of report?.kept ?? [])
    lines.push(`  kept under legal hold ${k.legalHold}: ${k.dataset}.${k.collection}.${k.field}`);
  for (const n of report?.notErased ?? [])
    lines.push(`  not erased: ${n.dataset}.${n.collection}.${n.field} ${n.reason}`);
  if (report?.preflight) lines.push('  the preflight refused the request; nothing was written:');
  for (const f of report?.failures ?? [])
    lines.push(`  failed: ${f.dataset}.${f.collection}: ${f.code}: ${f.message}`);
  if (report?.package) {
    lines.push(
      `  package: ${report.package.collections} collections, ${report.package.rows} rows, ${report.package.bytes} bytes`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Submits a request and, unless `--no-wait`, runs a worker in this process until the run
 * ends; prints the report. Returns the exit code and the request id.
 */
export async function submitAndRun(
  io: CliIo,
  flags: RunFlags,
  input: Omit<RequestInput, 'identity' | 'batchSize' | 'source'>,
  after?: (queue: DsrQueue, state: RequestState) => Promise<ExitCode | undefined>,
): Promise<ExitCode> {
  const parsed = parseIdentity(flags.identity);
  if (!parsed.ok) {
    io.stderr(`pledge: ${parsed.message}\n`);
    return ExitCode.usage;
  }
  const batchSize = Number(flags.batchSize ?? 1000);
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    io.stderr('pledge: --batch-size must be a positive integer\n');
    return ExitCode.usage;
  }
  const confirmRoots = flags.confirmRoots === undefined ? undefined : Number(flags.confirmRoots);
  if (confirmRoots !== undefined && (!Number.isInteger(confirmRoots) || confirmRoots < 2)) {
    io.stderr('pledge: --confirm-roots must be a whole number of at least 2\n');
    return ExitCode.usage;
  }
  const open = await openQueue(io, flags);
  if (!open.ok) return open.exitCode;
  const { queue, durable } = open.value;
  try {
    if (!flags.wait && !durable) {
      io.stderr(
        'pledge: --no-wait needs a durable store: set PLEDGE_DATABASE_URL, --database-url or --data-dir\n',
      );
      return ExitCode.usage;
    }
    const created = await queue.submit({
      ...input,
      identity: parsed.identity,
      batchSize,
      source: 'cli',
      ...(confirmRoots !== undefined ? { confirmRoots } : {}),
    });
    if (!created.ok) {
      printIssues(io, created.issues);
      io.stderr('pledge: the request cannot run: fix the errors above\n');
      return ExitCode.failed;
    }
    if (!flags.wait) {
      io.stdout(`queued request ${created.id}\n`);
      return ExitCode.ok;
    }
    return await runAndReport(io, queue, created.id, flags.format, after, workerOptionsOf(open.value));
  } finally {
    await open.value.close();
  }
}

/**
 * How this process's worker runs on an open store: with the checked subject key, and recording
 * each run in the audit log as the CLI's when the store is durable (an in-memory store's log
 * ends with the process, so nothing is recorded there).
 */
export function workerOptionsOf(
  open: Pick<OpenQueue, 'subjectKey' | 'durable'>,
  actor = 'cli',
): Pick<WorkerOptions, 'subjectKey' | 'audit'> {
  return {
    subjectKey: open.subjectKey,
    ...(open.durable ? { audit: { kind: 'system' as const, id: actor } } : {}),
  };
}

/**
 * Runs a worker in this process until the request's run ends, prints the report and returns
 * the exit code {@link exitCodeOf} gives.
 */
export async function runAndReport(
  io: CliIo,
  queue: DsrQueue,
  id: string,
  format: 'text' | 'json',
  after?: (queue: DsrQueue, state: RequestState) => Promise<ExitCode | undefined>,
  options: Pick<WorkerOptions, 'subjectKey' | 'audit'> = {},
): Promise<ExitCode> {
  const worker = await queue.work({ pollingIntervalSeconds: 0.5, ...options });
  const state = await queue.wait(id, { timeoutMs: 24 * 3600_000 });
  await worker.stop();
  io.stdout(format === 'json' ? `${JSON.stringify(state.report, null, 2)}\n` : formatReport(state));
  const extra = after ? await after(queue, state) : undefined;
  if (extra !== undefined && extra !== ExitCode.ok) return extra;
  return exitCodeOf(state.status);
}

/**
 * The exit code of a request's status: 0 when it was answered in full (`completed`, or
 * `no-data-found`: nobody matched and nothing was written), 3 while it waits in
 * `needs-review`, 1 otherwise (`partial`, `failed`).
 */
export function exitCodeOf(status: RequestStatus): ExitCode {
  if (status === 'completed' || status === 'no-data-found') return ExitCode.ok;
  if (status === 'needs-review') return ExitCode.review;
  return ExitCode.failed;
}
