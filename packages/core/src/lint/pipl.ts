import type { Jurisdiction } from '../jurisdictions/types';
import type { Transfer } from '../manifest/schema/transfers';
import type { LintContext } from './context';

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
