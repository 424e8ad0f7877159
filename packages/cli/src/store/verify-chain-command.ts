import { absolute, addStoreOptions, type SettingFlags, type Settings } from '@pledge/config';
import type { ChainAnchor, ChainSpec, VerifyOptions, verifyAudit } from '@pledge/store';
import type { Command } from 'commander';
import { sql } from 'kysely';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { type CheckpointFlags, type LedgerAnchors, readAnchors, withCheckpointFlags } from './checkpoints.js';
import { type CliStore, lockedMessage, openExistingStore } from './open-store.js';

/** Options of a `pledge <chain> verify` command. */
export interface VerifyFlags extends SettingFlags, CheckpointFlags {
  format: string;
}

/** Output formats of a verify command. */
export type VerifyFormat = 'text' | 'json';

type TrustedAnchors = Extract<LedgerAnchors, { ok: true }>;
type ChainDb = Parameters<typeof verifyAudit>[0];

/** What differs between the verify commands of two hash chains (the audit log, the ledger). */
export interface ChainVerifier<V extends { ok: boolean }> {
  /** The chain: its name selects the checkpoints, its table tells whether it exists. */
  chain: ChainSpec;
  /** Walks the chain, comparing it with the anchors when there are any. */
  verify(db: ChainDb, options: VerifyOptions): Promise<V>;
  /** The outcome when the chain's tables are gone but `furthest` vouches for records. */
  wiped(furthest: ChainAnchor): V;
  /** The error when the chain's tables do not exist and no checkpoint vouches for them. */
  absent(where: string): string;
  /** The text report of an outcome, ending with a newline. */
  text(verification: V, where: string): string;
  /**
   * Handles a store that could not be opened (e.g. by asking the server holding it); returns
   * the exit code, or undefined to report the failure as usual.
   */
  unopened?(
    failed: Extract<CliStore, { ok: false }>,
    flags: VerifyFlags,
    format: VerifyFormat,
  ): Promise<ExitCode | undefined>;
}

/**
 * Adds the store options and `--checkpoints`, `--checkpoint-key` and `--format` to a verify
 * command, and as its action {@link verifyChainCommand}.
 */
export function defineVerifyCommand<V extends { ok: boolean }>(
  command: Command,
  io: CliIo,
  finish: (code: ExitCode) => void,
  verifier: ChainVerifier<V>,
): Command {
  return addStoreOptions(command)
    .option('--checkpoints <dir>', 'also compare with the signed checkpoints in this folder')
    .option(
      '--checkpoint-key <file>',
      'key the checkpoints are signed with; its public half suffices (default PLEDGE_CHECKPOINT_KEY_FILE)',
    )
    .option('--format <format>', 'text or json', 'text')
    .action((flags: VerifyFlags) => verifyChainCommand(io, finish, verifier, flags));
}

/**
 * Verifies a chain in the store the flags name, with the signed checkpoints of `--checkpoints`
 * when given: exit 0 when intact and every checkpoint trusted, 1 on any fault or untrusted
 * checkpoint, usage when the chain or the checkpoint key is missing. Reads only.
 */
export async function verifyChainCommand<V extends { ok: boolean }>(
  io: CliIo,
  finish: (code: ExitCode) => void,
  verifier: ChainVerifier<V>,
  flags: VerifyFlags,
): Promise<void> {
  if (flags.format !== 'text' && flags.format !== 'json') {
    io.stderr('pledge: --format must be text or json\n');
    return finish(ExitCode.usage);
  }
  const format = flags.format;
  const opened = await openExistingStore(io, flags);
  if (!opened.ok) {
    const handled = await verifier.unopened?.(opened, flags, format);
    if (handled !== undefined) return finish(handled);
    if (opened.error) io.stderr(`pledge: ${lockedMessage(opened.error)}\n`);
    return finish(opened.exitCode);
  }
  const { store, description } = opened.opened;
  try {
    const anchors = flags.checkpoints
      ? await chainAnchors(opened.settings, flags, io.cwd, verifier.chain)
      : undefined;
    if (anchors && !anchors.ok) {
      io.stderr(`pledge: ${anchors.message}\n`);
      return finish(ExitCode.usage);
    }
    const table = await sql<{
      name: string | null;
    }>`SELECT to_regclass(${verifier.chain.table})::text AS name`.execute(store.db);
    if (!table.rows[0]?.name) {
      const furthest = anchors?.anchors.at(-1);
      if (!anchors || !furthest) {
        io.stderr(`pledge: ${verifier.absent(description)}\n`);
        return finish(ExitCode.usage);
      }
      printVerification(io, verifier, verifier.wiped(furthest), description, format, anchors);
      return finish(ExitCode.failed);
    }
    const verification = await verifier.verify(store.db, anchors ? { anchors: anchors.anchors } : {});
    printVerification(io, verifier, verification, description, format, anchors);
    finish(verificationExit(verification, anchors));
  } finally {
    await opened.opened.close();
  }
}

/** The chain's checkpoints in the `--checkpoints` folder, checked with the checkpoint key. */
export function chainAnchors(
  settings: Settings,
  flags: VerifyFlags,
  cwd: string,
  chain: ChainSpec,
): Promise<LedgerAnchors> {
  const dir = absolute(flags.checkpoints ?? '.', cwd);
  return readAnchors(withCheckpointFlags(settings, flags, cwd), dir, chain.name);
}

/** Exit 0 for an intact chain whose checkpoints are all trusted, else 1. */
export function verificationExit(
  verification: { ok: boolean },
  anchors: LedgerAnchors | undefined,
): ExitCode {
  const untrusted = anchors?.ok ? anchors.problems.length : 0;
  return verification.ok && untrusted === 0 ? ExitCode.ok : ExitCode.failed;
}

/** Prints an outcome as JSON or as the verifier's text, with the checkpoints compared. */
export function printVerification<V extends { ok: boolean }>(
  io: CliIo,
  verifier: ChainVerifier<V>,
  verification: V,
  where: string,
  format: VerifyFormat,
  anchors: LedgerAnchors | undefined,
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
  io.stdout(verifier.text(verification, where) + (trusted ? formatCheckpoints(trusted) : ''));
}

function formatCheckpoints(a: TrustedAnchors): string {
  const lines = [`checkpoints: ${a.anchors.length} signed by ${a.keyId} compared, in ${a.dir}`];
  for (const p of a.problems) lines.push(`UNTRUSTED ${p.message}`);
  return `${lines.join('\n')}\n`;
}
