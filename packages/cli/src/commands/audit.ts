import { AUDIT_CHAIN, type ChainVerification, verifyAudit } from '@pledge/store';
import type { RegisterCommand } from '../context.js';
import { type ChainVerifier, defineVerifyCommand } from '../store/verify-chain-command.js';
import { registerAuditReview } from './audit-review.js';

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
  defineVerifyCommand(
    audit
      .command('verify')
      .description(
        'verify the hash chain of the access audit log; exit 1 and name every bad entry when broken',
      ),
    io,
    finish,
    auditVerifier,
  );
};

const auditVerifier: ChainVerifier<ChainVerification> = {
  chain: AUDIT_CHAIN,
  verify: verifyAudit,
  wiped: (furthest) => {
    // Checkpoints vouch for an audit log that is no longer there at all.
    const message = `the audit log's tables are gone but the checkpoint of ${furthest.label ?? 'a past time'} signed ${furthest.seq} entries: it was wiped`;
    return { ok: false, records: 0, intact: 0, faults: [{ fault: 'wiped', seq: 1, message }], faultCount: 1 };
  },
  absent: (where) => `no audit log in ${where} (pledge-server creates it when it starts)`,
  text: (v, where) => {
    const lines = v.ok
      ? [`audit log ok: ${v.records} entries verified in ${where}, head ${v.headHash}`]
      : [
          `audit log BROKEN in ${where}`,
          ...v.faults.map((f) => `seq ${f.seq}${f.id ? ` (id ${f.id})` : ''}: ${f.fault}: ${f.message}`),
          `${v.faultCount} fault(s); ${v.intact} of ${v.records} entries verified before the first`,
        ];
    return `${lines.join('\n')}\n`;
  },
};
