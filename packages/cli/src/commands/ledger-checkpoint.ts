import { addStoreOptions, openCheckpoints, type SettingFlags } from '@pledge/config';
import { CHECKPOINTED_CHAINS, createCheckpoints } from '@pledge/store';
import type { Command } from 'commander';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { type CheckpointFlags, withCheckpointFlags } from '../store/checkpoints.js';
import { type CheckpointsAnswer, checkpointThroughServer } from '../store/checkpoints-through-server.js';
import { lockedMessage, openExistingStore } from '../store/open-store.js';

/** Options of `pledge ledger checkpoint`. */
interface CheckpointCommandFlags extends SettingFlags, CheckpointFlags {
  format: string;
}

/**
 * `pledge ledger checkpoint [--database-url url] [--data-dir dir] [--checkpoints dir]
 * [--checkpoint-key file] [--format text|json]`: verifies every chain since its latest
 * checkpoint, signs its head with the checkpoint key (kept outside the database; generated
 * when its file does not exist yet) and writes the checkpoint to the folder. A broken chain is
 * not signed and the command exits 1. When a server holds the embedded database, asks it
 * (`POST /v1/ledger/checkpoints`): it signs with its own key into its own folder.
 */
export function registerLedgerCheckpoint(ledger: Command, io: CliIo, finish: (code: ExitCode) => void): void {
  addStoreOptions(
    ledger
      .command('checkpoint')
      .description('sign the chain heads now and write the checkpoints outside the database'),
  )
    .option('--checkpoints <dir>', 'checkpoint folder (default PLEDGE_CHECKPOINT_DIR)')
    .option('--checkpoint-key <file>', 'Ed25519 signing key (default PLEDGE_CHECKPOINT_KEY_FILE)')
    .option('--format <format>', 'text or json', 'text')
    .action(async (flags: CheckpointCommandFlags) => {
      if (flags.format !== 'text' && flags.format !== 'json') {
        io.stderr('pledge: --format must be text or json\n');
        return finish(ExitCode.usage);
      }
      const format = flags.format;
      const opened = await openExistingStore(io, flags);
      if (!opened.ok) {
        const { error, settings } = opened;
        if (error?.code === 'store.locked' && error.holder.role === 'server' && error.holder.url) {
          const through = await checkpointThroughServer(error.holder.url, settings?.apiKey);
          if (through.ok) {
            io.stderr(
              `pledge: a Pledge server (process ${error.holder.pid}) holds ${error.dataDir}; it signed\n`,
            );
            print(io, through.value, format);
            return finish(through.value.ok ? ExitCode.ok : ExitCode.failed);
          }
          io.stderr(`pledge: ${lockedMessage(error)}\n  Asking the server failed: ${through.message}\n`);
          return finish(ExitCode.failed);
        }
        if (error) io.stderr(`pledge: ${lockedMessage(error)}\n`);
        return finish(opened.exitCode);
      }
      try {
        const checkpoints = await openCheckpoints(withCheckpointFlags(opened.settings, flags, io.cwd));
        if (!checkpoints.ok) {
          io.stderr(`pledge: ${checkpoints.message}\n`);
          return finish(ExitCode.usage);
        }
        for (const warning of checkpoints.warnings) io.stderr(`pledge: ${warning}\n`);
        const results = await createCheckpoints(opened.opened.store.db, CHECKPOINTED_CHAINS, checkpoints);
        const answer: CheckpointsAnswer = { ok: results.every((r) => r.ok), checkpoints: [], broken: [] };
        for (const r of results) {
          if (r.ok) answer.checkpoints.push({ ...r.checkpoint, name: r.name ?? '' });
          else answer.broken.push({ chain: r.chain, faultCount: r.faultCount, faults: r.faults });
        }
        print(io, answer, format, checkpoints.sink.description);
        finish(answer.ok ? ExitCode.ok : ExitCode.failed);
      } finally {
        await opened.opened.close();
      }
    });
}

function print(io: CliIo, answer: CheckpointsAnswer, format: 'text' | 'json', where?: string): void {
  if (format === 'json') {
    io.stdout(`${JSON.stringify(answer, null, 2)}\n`);
    return;
  }
  const lines: string[] = [];
  for (const c of answer.checkpoints) {
    lines.push(
      `${c.chain}: signed seq ${c.seq}, head ${c.headHash}, key ${c.keyId}${where ? `, in ${where}` : ''}`,
    );
  }
  for (const b of answer.broken) {
    lines.push(
      `${b.chain}: NOT signed: ${b.faultCount} faults since its last checkpoint (run pledge ledger verify)`,
    );
    for (const f of b.faults) lines.push(`  seq ${f.seq}: ${f.fault}: ${f.message}`);
  }
  io.stdout(`${lines.join('\n')}\n`);
}
