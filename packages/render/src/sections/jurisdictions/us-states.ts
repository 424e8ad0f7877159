import { getJurisdiction, type JurisdictionKey } from '@pledge/core';
import type { RenderContext } from '../../context.js';
import { paragraph, section } from '../../model/blocks.js';
import type { Section } from '../../model/types.js';
import { rightsIn, rightsList } from './shared.js';

/** The US state laws the policy addresses (California has its own section). */
function statesOf(ctx: RenderContext): JurisdictionKey[] {
  return ctx.manifest.policy.jurisdictions.filter((key) => key.startsWith('us-') && key !== 'us-ca-ccpa');
}

/**
 * US state consumer privacy laws (Colorado to Virginia): rights, the 45 + 45-day deadline, the
 * appeal, universal opt-out signals, sensitive data, minors and COPPA. Built from the
 * jurisdiction data, so a state added to the table shows here.
 */
export function usStatesSection(ctx: RenderContext): Section | undefined {
  const states = statesOf(ctx);
  if (states.length === 0) return undefined;
  const name = (key: JurisdictionKey) => ctx.t(`jurisdiction.${key}`);
  const laws = states.flatMap((key) => {
    const law = getJurisdiction(key);
    return law ? [law] : [];
  });
  const appeals = laws.flatMap((law) =>
    law.appealDeadline
      ? [ctx.t('usStates.appealItem', { state: name(law.key), days: law.appealDeadline.value.amount })]
      : [],
  );
  const signalStates = laws.filter((law) => law.signals.gpc.value).map((law) => name(law.key));
  // Silence is silence: an unstated GPC promise renders nothing.
  const honours = ctx.manifest.signals.globalPrivacyControl;
  const minorsRule = laws.some((law) => law.minors.saleOptInBelow || law.minors.saleBarredBelow);
  return section('us-states', ctx.t('section.usStates'), [
    paragraph(ctx.t('usStates.intro', { states: ctx.join(states.map(name)) })),
    ...rightsList(ctx, ctx.t('usStates.rights'), rightsIn(ctx, states)),
    paragraph(ctx.t('usStates.optOut')),
    paragraph(ctx.t('usStates.deadline')),
    appeals.length > 0 ? paragraph(ctx.t('usStates.appeal', { deadlines: ctx.join(appeals) })) : undefined,
    appeals.length > 0 ? paragraph(ctx.t('usStates.complaint')) : undefined,
    paragraph(ctx.t('usStates.sensitive')),
    signalStates.length > 0 && honours !== undefined
      ? paragraph(ctx.t(honours ? 'usStates.gpcYes' : 'usStates.gpcNo', { states: ctx.join(signalStates) }))
      : undefined,
    minorsRule ? paragraph(ctx.t('usStates.minors')) : undefined,
    admitsChildren(ctx, states) ? paragraph(ctx.t('usStates.coppa')) : undefined,
  ]);
}

/** Whether a guardian-consent rule lets children under 13 in, in one of the states (none bars them). */
function admitsChildren(ctx: RenderContext, states: JurisdictionKey[]): boolean {
  return states.some((key) => {
    const rules = ctx.manifest.minors.rules.filter(
      (rule) => rule.jurisdictions.length === 0 || rule.jurisdictions.includes(key),
    );
    const barred = rules.some((rule) => rule.rule === 'barred' && rule.below >= 13);
    return !barred && rules.some((rule) => rule.rule === 'guardian-consent' && rule.below >= 13);
  });
}
