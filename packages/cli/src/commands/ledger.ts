import { absolute, addStoreOptions, type SettingFlags, type Settings } from '@pledge/config';
import { LEDGER_CHAIN, type LedgerVerification, verifyLedger } from '@pledge/store';
import { sql } from 'kysely';
import type { RegisterCommand } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import {
  type CheckpointFlags,
  type LedgerAnchors,
  readAnchors,
  withCheckpointFlags,
} from '../store/checkpoints.js';
import { verifyAnchorsThroughServer } from '../store/checkpoints-through-server.js';
import { lockedMessage, openExistingStore } from '../store/open-store.js';
import { verifyThroughServer } from '../store/through-server.js';
import { registerLedgerCheckpoint } from './ledger-checkpoint.js';

/** Options of `pledge ledger verify`. */
interface VerifyFlags extends SettingFlags, CheckpointFlags {
  format: string;
}

/** Most anchors sent to a server in one request (the latest ones; see MAX_ANCHORS). */
const MAX_ANCHORS_SENT = 5000;

/**
 * `pledge ledger verify [--database-url url] [--data-dir dir] [--checkpoints dir]
 * [--checkpoint-key file] [--format text|json]`: walks the consent ledger's hash chain in
 * batches; when it is broken, prints every fault (the first one first) and exits 1. With
 * `--checkpoints`, also compares the chain with the checkpoints there signed by the checkpoint
 * key, which finds a consistent rewrite, a truncation or a wipe; an untrusted checkpoint is a
 * failure too. Reads only: an absent ledger is reported, never created. When a running server
 * holds the embedded database, asks that server (`GET` or `POST /v1/ledger/verify`) instead of
 * opening the database a second time. `pledge ledger checkpoint` signs the heads now.
 */
export const registerLedger: RegisterCommand = (program, io, finish) => {
  const ledger = program.command('ledger').description('the consent ledger');
  addStoreOptions(
    ledger
      .command('verify')
      .description(
        'verify the hash chain of the consent ledger; exit 1 and name the first bad event when broken',
      ),
  )
    .option('--checkpoints <dir>', 'also compare with the signed checkpoints in this folder')
    .option(
      '--checkpoint-key <file>',
      'key the checkpoints are signed with; its public half suffices (default PLEDGE_CHECKPOINT_KEY_FILE)',
    )
    .option('--format <format>', 'text or json', 'text')
    .action(async (flags: VerifyFlags) => {
      if (flags.format !== 'text' && flags.format !== 'json') {
        io.stderr('pledge: --format must be text or json\n');
        return finish(ExitCode.usage);
      }
      const format = flags.format;
      const opened = await openExistingStore(io, flags);
      if (!opened.ok) {
        const { error, settings } = opened;
        if (error?.code === 'store.locked' && error.holder.role === 'server' && error.holder.url) {
          const anchors =
            settings && flags.checkpoints ? await anchorsOf(settings, flags, io.cwd) : undefined;
          if (anchors && !anchors.ok) {
            io.stderr(`pledge: ${anchors.message}\n`);
            return finish(ExitCode.usage);
          }
          const through = anchors
            ? await verifyAnchorsThroughServer(
                error.holder.url,
                settings?.apiKey,
                anchors.anchors.slice(-MAX_ANCHORS_SENT),
              ).then((a) => (a.ok ? { ok: true as const, verification: a.value } : a))
            : await verifyThroughServer(error.holder.url, settings?.apiKey);
          if (through.ok) {
            io.stderr(
              `pledge: a Pledge server (process ${error.holder.pid}) holds ${error.dataDir}; verified through its API\n`,
            );
            print(io, through.verification, `the server at ${error.holder.url}`, format, anchors);
            return finish(exitCode(through.verification, anchors));
          }
          io.stderr(`pledge: ${lockedMessage(error)}\n  Asking the server failed: ${through.message}\n`);
          return finish(ExitCode.failed);
        }
        if (error) io.stderr(`pledge: ${lockedMessage(error)}\n`);
        return finish(opened.exitCode);
      }

      const { store, description } = opened.opened;
      const anchors = flags.checkpoints ? await anchorsOf(opened.settings, flags, io.cwd) : undefined;
      if (anchors && !anchors.ok) {
        await opened.opened.close();
        io.stderr(`pledge: ${anchors.message}\n`);
        return finish(ExitCode.usage);
      }
      try {
        const table = await sql<{
          name: string | null;
        }>`SELECT to_regclass('pledge_ledger_events')::text AS name`.execute(store.db);
        if (!table.rows[0]?.name) {
          const furthest = anchors?.anchors.at(-1);
          if (anchors && furthest) {
            // Checkpoints vouch for a ledger that is no longer there at all.
            const message = `the ledger's tables are gone but the checkpoint of ${furthest.label ?? 'a past time'} signed ${furthest.seq} events: it was wiped`;
            const fault = { fault: 'wiped' as const, seq: 1, message };
            print(
              io,
              { ok: false, events: 0, ...fault, faults: [fault], faultCount: 1 },
              description,
              format,
              anchors,
            );
            return finish(ExitCode.failed);
          }
          io.stderr(`pledge: no Pledge ledger in ${description}\n`);
          return finish(ExitCode.usage);
        }
        const verification = await verifyLedger(store.db, anchors ? { anchors: anchors.anchors } : {});
        print(io, verification, description, format, anchors);
        finish(exitCode(verification, anchors));
      } finally {
        await opened.opened.close();
      }
    });
  registerLedgerCheckpoint(ledger, io, finish);
};

type TrustedAnchors = Extract<LedgerAnchors, { ok: true }>;

/** The ledger's checkpoints in the `--checkpoints` folder, checked with the checkpoint key. */
function anchorsOf(settings: Settings, flags: VerifyFlags, cwd: string): Promise<LedgerAnchors> {
  const dir = absolute(flags.checkpoints ?? '.', cwd);
  return readAnchors(withCheckpointFlags(settings, flags, cwd), dir, LEDGER_CHAIN.name);
}

function exitCode(verification: LedgerVerification, anchors: LedgerAnchors | undefined): ExitCode {
  const untrusted = anchors?.ok ? anchors.problems.length : 0;
  return verification.ok && untrusted === 0 ? ExitCode.ok : ExitCode.failed;
}

function print(
  io: CliIo,
  verification: LedgerVerification,
  where: string,
  format: 'text' | 'json',
  anchors?: LedgerAnchors,
): void {
  const trusted = anchors?.ok ? anchors : undefined;
  if (format === 'json') {
    const checkpoints = trusted
      ? {
          checkpoints: {
            dir: trusted.dir,
            keyId: trusted.keyId,
            trusted: trusted.anchors.length,
            problems: trusted.problems,
          },
        }
      : {};
    io.stdout(`${JSON.stringify({ ...verification, ...checkpoints }, null, 2)}\n`);
    return;
  }
  io.stdout(formatVerification(verification, where) + (trusted ? formatCheckpoints(trusted) : ''));
}

function formatVerification(v: LedgerVerification, where: string): string {
  if (v.ok) return `ledger ok: ${v.events} events verified in ${where}, head ${v.headHash}\n`;
  const lines = [
    `ledger BROKEN in ${where}`,
    `first bad event: seq ${v.seq}${v.id ? ` (id ${v.id})` : ''}`,
    `fault: ${v.fault}: ${v.message}`,
    `${v.events} events before it verified`,
  ];
  if (v.faultCount > 1) {
    lines.push(`all faults (${v.faultCount}):`);
    for (const f of v.faults)
      lines.push(`  seq ${f.seq}${f.id ? ` (id ${f.id})` : ''}: ${f.fault}: ${f.message}`);
    if (v.faultCount > v.faults.length) lines.push(`  and ${v.faultCount - v.faults.length} more`);
  }
  return `${lines.join('\n')}\n`;
}

function formatCheckpoints(a: TrustedAnchors): string {
  const lines = [`checkpoints: ${a.anchors.length} signed by ${a.keyId} compared, in ${a.dir}`];
  for (const p of a.problems) lines.push(`UNTRUSTED ${p.message}`);
  return `${lines.join('\n')}\n`;
}
