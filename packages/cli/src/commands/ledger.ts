import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { addStoreOptions, type SettingFlags } from '@pledge/config';
import { type LedgerVerification, verifyLedger } from '@pledge/store';
import { sql } from 'kysely';
import type { RegisterCommand } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { lockedMessage, openCliStore } from '../store/open-store.js';
import { verifyThroughServer } from '../store/through-server.js';

/** Options of `pledge ledger verify`. */
interface VerifyFlags extends SettingFlags {
  format: string;
}

/**
 * `pledge ledger verify [--database-url url] [--data-dir dir] [--format text|json]`: walks
 * the consent ledger's hash chain; when it is broken, prints the first bad event and what is
 * wrong with it and exits 1. Reads only: an absent ledger is reported, never created. When a
 * running server holds the embedded database, asks that server (`GET /v1/ledger/verify`)
 * instead of opening the database a second time.
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
    .option('--format <format>', 'text or json', 'text')
    .action(async (flags: VerifyFlags) => {
      if (flags.format !== 'text' && flags.format !== 'json') {
        io.stderr('pledge: --format must be text or json\n');
        return finish(ExitCode.usage);
      }
      const format = flags.format;
      const opened = await openCliStore(io, flags, {
        fallback: 'default',
        precheck: (s) =>
          !s.databaseUrl && !existsSync(join(s.dataDir, 'PG_VERSION'))
            ? `no embedded database in ${s.dataDir} (set --data-dir or --database-url)`
            : undefined,
      });
      if (!opened.ok) {
        const { error, settings } = opened;
        if (error?.code === 'store.locked' && error.holder.role === 'server' && error.holder.url) {
          const through = await verifyThroughServer(error.holder.url, settings?.apiKey);
          if (through.ok) {
            io.stderr(
              `pledge: a Pledge server (process ${error.holder.pid}) holds ${error.dataDir}; verified through its API\n`,
            );
            print(io, through.verification, `the server at ${error.holder.url}`, format);
            return finish(through.verification.ok ? ExitCode.ok : ExitCode.failed);
          }
          io.stderr(`pledge: ${lockedMessage(error)}\n  Asking the server failed: ${through.message}\n`);
          return finish(ExitCode.failed);
        }
        if (error) io.stderr(`pledge: ${lockedMessage(error)}\n`);
        return finish(opened.exitCode);
      }
      const { store, description } = opened.opened;
      try {
        const table = await sql<{
          name: string | null;
        }>`SELECT to_regclass('pledge_ledger_events')::text AS name`.execute(store.db);
        if (!table.rows[0]?.name) {
          io.stderr(`pledge: no Pledge ledger in ${description}\n`);
          return finish(ExitCode.usage);
        }
        const verification = await verifyLedger(store.db);
        print(io, verification, description, format);
        finish(verification.ok ? ExitCode.ok : ExitCode.failed);
      } finally {
        await opened.opened.close();
      }
    });
};

function print(io: CliIo, verification: LedgerVerification, where: string, format: 'text' | 'json'): void {
  io.stdout(
    format === 'json'
      ? `${JSON.stringify(verification, null, 2)}\n`
      : formatVerification(verification, where),
  );
}

function formatVerification(v: LedgerVerification, where: string): string {
  if (v.ok) return `ledger ok: ${v.events} events verified in ${where}, head ${v.headHash}\n`;
  return [
    `ledger BROKEN in ${where}`,
    `first bad event: seq ${v.seq}${v.id ? ` (id ${v.id})` : ''}`,
    `fault: ${v.fault}: ${v.message}`,
    `${v.events} events before it verified`,
    '',
  ].join('\n');
}
