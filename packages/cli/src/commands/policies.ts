import { addStoreOptions, type SettingFlags } from '@pledge/config';
import { type ChainVerification, verifyPolicies } from '@pledge/store';
import { sql } from 'kysely';
import type { RegisterCommand } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import { lockedMessage, openExistingStore } from '../store/open-store.js';

/** Options of `pledge policies verify`. */
interface VerifyFlags extends SettingFlags {
  format: string;
}

/**
 * `pledge policies verify [--database-url url] [--data-dir dir] [--format text|json]`: walks
 * the hash chain of the published policy versions and reports every fault (an edited,
 * deleted, inserted or reordered version, a truncated chain); exit 1 when there is one.
 * Reads only. The consent ledger has its own command, `pledge ledger verify`.
 */
export const registerPolicies: RegisterCommand = (program, io, finish) => {
  const policies = program.command('policies').description('the published policy versions');
  addStoreOptions(
    policies
      .command('verify')
      .description(
        'verify the hash chain of the published policy versions; exit 1 and name every bad version when broken',
      ),
  )
    .option('--format <format>', 'text or json', 'text')
    .action(async (flags: VerifyFlags) => {
      if (flags.format !== 'text' && flags.format !== 'json') {
        io.stderr('pledge: --format must be text or json\n');
        return finish(ExitCode.usage);
      }
      const opened = await openExistingStore(io, flags);
      if (!opened.ok) {
        if (opened.error) io.stderr(`pledge: ${lockedMessage(opened.error)}\n`);
        return finish(opened.exitCode);
      }
      const { store, description } = opened.opened;
      try {
        const head = await sql<{
          name: string | null;
        }>`SELECT to_regclass('pledge_policy_head')::text AS name`.execute(store.db);
        if (!head.rows[0]?.name) {
          io.stderr(
            `pledge: no policy chain in ${description} (a store from before Pledge chained policy versions gets one when pledge-server next starts on it)\n`,
          );
          return finish(ExitCode.usage);
        }
        const verification = await verifyPolicies(store.db);
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

function formatVerification(v: ChainVerification, where: string): string {
  if (v.ok) return `policy chain ok: ${v.records} policy versions verified in ${where}, head ${v.headHash}\n`;
  return [
    `policy chain BROKEN in ${where}`,
    ...v.faults.map((f) => `seq ${f.seq}${f.id ? ` (version ${f.id})` : ''}: ${f.fault}: ${f.message}`),
    `${v.faultCount} fault(s); ${v.intact} of ${v.records} policy versions verified before the first`,
    '',
  ].join('\n');
}
