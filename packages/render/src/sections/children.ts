import type { MinorRule } from '@pledge/core';
import type { RenderContext } from '../context.js';
import { list, paragraph, section } from '../model/blocks.js';
import type { Inline, Section } from '../model/types.js';

/** One age rule in words: "Under 14: only with the consent of a parent or guardian (EEA (GDPR))". */
export function minorRuleText(ctx: RenderContext, rule: MinorRule): string {
  let text = ctx.t(`children.rule.${rule.rule}`, { age: rule.below });
  if (rule.jurisdictions.length > 0) {
    text = ctx.t('common.parenthesis', {
      text,
      note: ctx.join(rule.jurisdictions.map((key) => ctx.t(`jurisdiction.${key}`))),
    });
  }
  return ctx.concat([ctx.t('common.sentence', { text }), ctx.sentence(ctx.text(rule.note))]);
}

/** Children: age thresholds, age verification, what happens on discovery, separate policy. */
export function childrenSection(ctx: RenderContext): Section {
  const { minors } = ctx.manifest;
  const rules = minors.rules.map((rule): Inline[] => [minorRuleText(ctx, rule)]);
  return section('children', ctx.t('section.children'), [
    rules.length > 0 ? list(rules) : paragraph(ctx.t('children.noRules')),
    paragraph(
      ctx.concat([
        minors.ageVerification === undefined ? '' : ctx.t(`children.verification.${minors.ageVerification}`),
        ctx.t(`children.discovery.${minors.onDiscovery}`),
        minors.separatePolicy ? ctx.t('children.separatePolicy') : '',
      ]),
    ),
  ]);
}
