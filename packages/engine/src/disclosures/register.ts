import type { Recipient } from '@pledge/core';
import {
  type ContractRecord,
  type DeletionRequestRecord,
  type EngagementRecord,
  endEngagement,
  type InspectionRecord,
  listContracts,
  listEngagements,
  listInspections,
} from '@pledge/store';
import type { Engine } from '../engine.js';
import {
  type ContractRequirement,
  contractInForce,
  contractRequirements,
  dayOf,
  loggedAudit,
  passedSecurityInspection,
  requirementStatus,
} from './requirements.js';

/** What the register finds missing for a recipient: the one list of flags. */
export const REGISTER_FLAGS = [
  'contract-missing',
  'contract-expired',
  'security-inspection-missing',
  'audit-missing',
  'engagement-ended',
] as const;
/** One of {@link REGISTER_FLAGS}. */
export type RegisterFlag = (typeof REGISTER_FLAGS)[number];

/** One recipient of the policy in force, with what is on file. */
export interface RegisterEntry {
  recipient: Recipient;
  requirements: (ContractRequirement & { satisfied: boolean })[];
  contracts: (ContractRecord & { inForce: boolean })[];
  inspections: InspectionRecord[];
  engagement: Omit<EngagementRecord, 'recipient'>;
  flags: RegisterFlag[];
}

/**
 * The recipients register: every recipient of the policy in force with its contract
 * requirements and whether each is met today, the contracts and inspections on file, its
 * engagement, and flags for what is missing: a contract (P0-19, P0-23, manifest), a security
 * inspection of an SDK (P1-24), a logged audit or appraisal of a processor or partner (P0-28).
 */
export async function recipientsRegister(engine: Engine, now: Date = new Date()): Promise<RegisterEntry[]> {
  const day = dayOf(now);
  const db = engine.store.db;
  const [contracts, inspections, engagements] = await Promise.all([
    listContracts(db),
    listInspections(db),
    listEngagements(db),
  ]);
  return engine.policy.manifest.recipients.map((recipient) => {
    const own = contracts.filter((c) => c.recipient === recipient.id);
    const checks = inspections.filter((i) => i.recipient === recipient.id);
    const engagement = engagements.find((e) => e.recipient === recipient.id);
    const statuses = contractRequirements(recipient).map((r) => ({
      r,
      status: requirementStatus(r, own, day),
    }));
    const flags: RegisterFlag[] = [];
    if (statuses.some((s) => s.status === 'missing')) flags.push('contract-missing');
    if (statuses.some((s) => s.status === 'expired')) flags.push('contract-expired');
    if (recipient.kind === 'sdk' && !passedSecurityInspection(checks))
      flags.push('security-inspection-missing');
    const partner = ['processor', 'third-party', 'affiliate'].includes(recipient.kind);
    if (partner && !recipient.declaresNoCollection && !loggedAudit(checks)) flags.push('audit-missing');
    if (engagement?.endedOn !== undefined && engagement.endedOn <= day) flags.push('engagement-ended');
    return {
      recipient,
      requirements: statuses.map((s) => ({ ...s.r, satisfied: s.status === 'satisfied' })),
      contracts: own.map((c) => ({ ...c, inForce: contractInForce(c, day) })),
      inspections: checks,
      engagement: {
        ...(engagement?.startedOn ? { startedOn: engagement.startedOn } : {}),
        ...(engagement?.endedOn ? { endedOn: engagement.endedOn } : {}),
      },
      flags,
    };
  });
}

/**
 * Ends the engagement with a recipient of the policy in force on `day` (`YYYY-MM-DD`) and
 * queues a deletion request to it (P0-21), or refuses an unknown recipient.
 */
export async function endRecipientEngagement(
  engine: Engine,
  recipient: string,
  day: string,
): Promise<
  { ok: true; request: DeletionRequestRecord } | { ok: false; code: 'recipient.unknown'; path: 'recipient' }
> {
  if (!engine.policy.manifest.recipients.some((r) => r.id === recipient)) {
    return { ok: false, code: 'recipient.unknown', path: 'recipient' };
  }
  return { ok: true, request: await endEngagement(engine.store.db, recipient, day) };
}
