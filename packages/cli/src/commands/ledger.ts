import { LEDGER_CHAIN, type LedgerVerification, verifyLedger } from '@pledge/store';
import type { RegisterCommand } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { verifyAnchorsThroughServer } from '../store/checkpoints-through-server.js';
import { lockedMessage } from '../store/open-store.js';
import { verifyThroughServer } from '../store/through-server.js';
import {
  type ChainVerifier,
  chainAnchors,
  defineVerifyCommand,
  printVerification,
  verificationExit,
} from '../store/verify-chain-command.js';
import { registerLedgerCheckpoint } from './ledger-checkpoint.js';

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
  defineVerifyCommand(
    ledger
      .command('verify')
      .description(
        'verify the hash chain of the consent ledger; exit 1 and name the first bad event when broken',
      ),
    io,
    finish,
    ledgerVerifier(io),
  );
  registerLedgerCheckpoint(ledger, io, finish);
};

function ledgerVerifier(io: CliIo): ChainVerifier<LedgerVerification> {
  const verifier: ChainVerifier<LedgerVerification> = {
    chain: LEDGER_CHAIN,
    verify: verifyLedger,
    wiped: (furthest) => {
      // Checkpoints vouch for a ledger that is no longer there at all.
      const message = `the ledger's tables are gone but the checkpoint of ${furthest.label ?? 'a past time'} signed ${furthest.seq} events: it was wiped`;
      const fault = { fault: 'wiped' as const, seq: 1, message };
      return { ok: false, events: 0, ...fault, faults: [fault], faultCount: 1 };
    },
    absent: (where) => `no Pledge ledger in ${where}`,
    text: formatVerification,
    // A running server holds the embedded database: verify through its API instead.
    unopened: async ({ error, settings }, flags, format) => {
      if (error?.code !== 'store.locked' || error.holder.role !== 'server' || !error.holder.url)
        return undefined;
      const anchors =
        settings && flags.checkpoints ? await chainAnchors(settings, flags, io.cwd, LEDGER_CHAIN) : undefined;
      if (anchors && !anchors.ok) {
        io.stderr(`pledge: ${anchors.message}\n`);
        return ExitCode.usage;
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
        printVerification(
          io,
          verifier,
          through.verification,
          `the server at ${error.holder.url}`,
          format,
          anchors,
        );
        return verificationExit(through.verification, anchors);
      }
      io.stderr(`pledge: ${lockedMessage(error)}\n  Asking the server failed: ${through.message}\n`);
      return ExitCode.failed;
    },
  };
  return verifier;
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
