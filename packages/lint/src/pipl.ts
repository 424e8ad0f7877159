import type { Jurisdiction, Transfer } from '@pledge/core';
import type { LintContext } from './context.js';
import type { LintPath } from './types.js';

/** The PIPL rules when the policy addresses PIPL, else undefined. */
export function piplOf(ctx: LintContext): Jurisdiction | undefined {
  return ctx.jurisdictions.find((j) => j.key === 'cn-pipl');
}

/** True when a transfer may carry personal information out of mainland China. */
export function leavesChina(transfer: Transfer): boolean {
  const to = transfer.to.toUpperCase();
  if (to === 'CN') return false;
  return transfer.from === undefined || transfer.from.toUpperCase() === 'CN';
}

/**
 * When the policy addresses PIPL, every transfer that may carry personal information out of
 * mainland China, with the path of its `mechanisms`; none otherwise.
 */
export function piplTransfersAbroad(ctx: LintContext): Array<{ transfer: Transfer; path: LintPath }> {
  if (!piplOf(ctx)) return [];
  return ctx.manifest.transfers.transfers.flatMap((transfer, i) =>
    leavesChina(transfer) ? [{ transfer, path: ['transfers', 'transfers', i, 'mechanisms'] }] : [],
  );
}
