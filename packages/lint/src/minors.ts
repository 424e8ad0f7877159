import type { Jurisdiction, MinorRule } from '@pledge/core';
import type { LintContext } from './context.js';

/**
 * Jurisdictions whose digital-consent age the policy must meet. A law whose age only governs
 * selling or sharing (CCPA, which has `saleOptInBelow`) counts only when a purpose sells, shares
 * or targets advertising.
 */
export function ageBoundJurisdictions(ctx: LintContext): Jurisdiction[] {
  const sells = ctx.manifest.purposes.some((p) => p.sale || p.targetedAdvertising);
  return ctx.jurisdictions.filter((j) => j.minors.saleOptInBelow === undefined || sells);
}

/** Age rules that keep children from consenting alone (barred, or a guardian consents) in a jurisdiction. */
export function consentRulesIn(
  ctx: LintContext,
  jurisdiction: Jurisdiction,
): Array<{ rule: MinorRule; index: number }> {
  const out: Array<{ rule: MinorRule; index: number }> = [];
  ctx.manifest.minors.rules.forEach((rule, index) => {
    if (rule.rule === 'guardian-guidance') return;
    if (rule.jurisdictions.length > 0 && !rule.jurisdictions.includes(jurisdiction.key)) return;
    out.push({ rule, index });
  });
  return out;
}
