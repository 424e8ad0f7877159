import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type LedgerVerification, verifyLedger } from '@pledge/store';
import { sql } from 'kysely';
import type { RegisterCommand } from '../context.js';
import { ExitCode } from '../exit-codes.js';

/** Options of `pledge ledger verify`. */
interface VerifyFlags {
  databaseUrl?: string;
  dataDir?: string;
  format: string;
}

/**
 * `pledge ledger verify [--database-url url] [--data-dir dir] [--format text|json]`: walks
 * the consent ledger's hash chain; when it is broken, prints the first bad event and what is
 * wrong with it and exits 1. Reads only: an absent ledger is reported, never created.
 */
export const registerLedger: RegisterCommand = (program, io, finish) => {
  const ledger = program.command('ledger').description('the consent ledger');
  ledger
    .command('verify')
    .description(
      'verify the hash chain of the consent ledger; exit 1 and name the first bad event when broken',
    )
    .option('--database-url <url>', 'PostgreSQL connection string (default PLEDGE_DATABASE_URL)')
    .option('--data-dir <dir>', 'embedded database folder (default PLEDGE_DATA_DIR, else .pledge-data)')
    .option('--format <format>', 'text or json', 'text')
    .action(async (flags: VerifyFlags) => {
      if (flags.format !== 'text' && flags.format !== 'json') {
        io.stderr('pledge: --format must be text or json\n');
        return finish(ExitCode.usage);
      }
      const { openConfiguredStore, readConfig } = await import('@pledge/server');
      const env: Record<string, string | undefined> = { ...process.env };
      if (flags.databaseUrl !== undefined) env.PLEDGE_DATABASE_URL = flags.databaseUrl;
      if (flags.dataDir !== undefined) env.PLEDGE_DATA_DIR = flags.dataDir;
      const read = readConfig(env, io.cwd);
      if (!read.ok) {
        io.stderr(`pledge: ${read.message}\n`);
        return finish(ExitCode.usage);
      }
      const { config } = read;
      if (!config.databaseUrl && !existsSync(join(config.dataDir, 'PG_VERSION'))) {
        io.stderr(`pledge: no embedded database in ${config.dataDir} (set --data-dir or --database-url)\n`);
        return finish(ExitCode.usage);
      }
      const opened = await openConfiguredStore(config);
      if (!opened.ok) {
        io.stderr(`pledge: ${opened.message}\n`);
        return finish(ExitCode.failed);
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
        io.stdout(
          flags.format === 'json'
            ? `${JSON.stringify(verification, null, 2)}\n`
            : formatVerification(verification, description),
        );
        finish(verification.ok ? ExitCode.ok : ExitCode.failed);
      } finally {
        await opened.opened.close();
      }
    });
};

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
