import { absolute, addStoreOptions, type SettingFlags, type Settings } from '@pledge/config';
import { AUDIT_CHAIN, type ChainVerification, verifyAudit } from '@pledge/store';
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
import { lockedMessage, openExistingStore } from '../store/open-store.js';
import { registerAuditReview } from './audit-review.js';

/** Options of `pledge audit verify`. */
interface VerifyFlags extends SettingFlags, CheckpointFlags {
  format: string;
}

type TrustedAnchors = Extract<LedgerAnchors, { ok: true }>;

/**
 * `pledge audit verify [--database-url url] [--data-dir dir] [--checkpoints dir]
 * [--checkpoint-key file] [--format text|json]`: walks the access audit log's hash chain and
 * reports every fault (an edited, deleted, inserted or reordered entry, a log longer or
 * shorter than its head); with `--checkpoints`, also compares it with the signed checkpoints
 * there, which finds a consistent rewrite, a truncation or a wipe. Exit 1 on any fault or
 * untrusted checkpoint. Reads only; the embedded store must not be held by a running server.
 */
export const registerAudit: RegisterCommand = (program, io, finish) => {
  const audit = program.command('audit').description('the access audit log');
  registerAuditReview(audit, io, finish);
  addStoreOptions(
    audit
      .command('verify')
      .description(
        'verify the hash chain of the access audit log; exit 1 and name every bad entry when broken',
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
        if (opened.error) io.stderr(`pledge: ${lockedMessage(opened.error)}\n`);
        return finish(opened.exitCode);
      }
      const { store, description } = opened.opened;
      try {
        const anchors = flags.checkpoints ? await anchorsOf(opened.settings, flags, io.cwd) : undefined;
        if (anchors && !anchors.ok) {
          io.stderr(`pledge: ${anchors.message}\n`);
          return finish(ExitCode.usage);
        }
        const table = await sql<{
          name: string | null;
        }>`SELECT to_regclass(${AUDIT_CHAIN.table})::text AS name`.execute(store.db);
        if (!table.rows[0]?.name) {
          const furthest = anchors?.anchors.at(-1);
          if (!anchors || !furthest) {
            io.stderr(`pledge: no audit log in ${description} (pledge-server creates it when it starts)\n`);
            return finish(ExitCode.usage);
          }
          // Checkpoints vouch for an audit log that is no longer there at all.
          const message = `the audit log's tables are gone but the checkpoint of ${furthest.label ?? 'a past time'} signed ${furthest.seq} entries: it was wiped`;
          print(
            io,
            {
              ok: false,
              records: 0,
              intact: 0,
              faults: [{ fault: 'wiped', seq: 1, message }],
              faultCount: 1,
            },
            description,
            format,
            anchors,
          );
          return finish(ExitCode.failed);
        }
        const verification = await verifyAudit(store.db, anchors?.ok ? { anchors: anchors.anchors } : {});
        print(io, verification, description, format, anchors);
        const untrusted = anchors?.ok ? anchors.problems.length : 0;
        finish(verification.ok && untrusted === 0 ? ExitCode.ok : ExitCode.failed);
      } finally {
        await opened.opened.close();
      }
    });
};

/** The audit log's checkpoints in the `--checkpoints` folder, checked with the checkpoint key. */
function anchorsOf(settings: Settings, flags: VerifyFlags, cwd: string): Promise<LedgerAnchors> {
  const dir = absolute(flags.checkpoints ?? '.', cwd);
  return readAnchors(withCheckpointFlags(settings, flags, cwd), dir, AUDIT_CHAIN.name);
}

function print(
  io: CliIo,
  verification: ChainVerification,
  where: string,
  format: 'text' | 'json',
  anchors: LedgerAnchors | undefined,
): void {
  const trusted: TrustedAnchors | undefined = anchors?.ok ? anchors : undefined;
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
  const lines = verification.ok
    ? [`audit log ok: ${verification.records} entries verified in ${where}, head ${verification.headHash}`]
    : [
        `audit log BROKEN in ${where}`,
        ...verification.faults.map(
          (f) => `seq ${f.seq}${f.id ? ` (id ${f.id})` : ''}: ${f.fault}: ${f.message}`,
        ),
        `${verification.faultCount} fault(s); ${verification.intact} of ${verification.records} entries verified before the first`,
      ];
  if (trusted) {
    lines.push(
      `checkpoints: ${trusted.anchors.length} signed by ${trusted.keyId} compared, in ${trusted.dir}`,
    );
    for (const p of trusted.problems) lines.push(`UNTRUSTED ${p.message}`);
  }
  io.stdout(`${lines.join('\n')}\n`);
}
