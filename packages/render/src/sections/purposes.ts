import type { Purpose } from '@pledge/core';
import type { RenderContext } from '../context.js';
import { channelsInline } from '../format/channels.js';
import { perJurisdictionText } from '../format/per-jurisdiction.js';
import type { MessageKey } from '../i18n/index.js';
import { fields, paragraph, section } from '../model/blocks.js';
import type { Field, Section } from '../model/types.js';

function refusal(ctx: RenderContext, purpose: Purpose): Field | undefined {
  const effect = ctx.text(purpose.refusalEffect);
  const value = ctx.concat([purpose.optional ? ctx.t('purposes.optional') : '', ctx.sentence(effect)]);
  if (value !== '') return { label: ctx.t('purposes.refusal'), value: [value] };
  // Refusal only means something where the subject is asked; elsewhere silence is not a gap.
  if (purpose.consent.default === 'none') return undefined;
  return { label: ctx.t('purposes.refusal'), value: [ctx.t('common.notStated')] };
}

function optOut(ctx: RenderContext, purpose: Purpose): Field | undefined {
  if (!ctx.isMarketing(purpose)) return undefined;
  const ids = ctx.manifest.controller.contacts
    .filter((c) => c.uses.includes('marketing-opt-out'))
    .map((c) => c.id);
  if (ids.length === 0) return undefined;
  return { label: ctx.t('purposes.optOut'), value: channelsInline(ctx, ids) };
}

function purposeSection(ctx: RenderContext, purpose: Purpose, index: number): Section {
  const description = ctx.text(purpose.description);
  const flag = (on: boolean | undefined, label: MessageKey, value: MessageKey): Field | undefined =>
    on === true ? { label: ctx.t(label), value: [ctx.t(value)] } : undefined;
  return section(`purpose-${index + 1}`, ctx.text(purpose.name) || purpose.id, [
    description ? paragraph(description) : undefined,
    fields([
      { label: ctx.t('purposes.data'), value: [ctx.categoryNames(purpose.categories)] },
      {
        label: ctx.t('purposes.legalBasis'),
        value: [perJurisdictionText(ctx, purpose.legalBasis, (basis) => ctx.legalBasis(basis))],
      },
      {
        label: ctx.t('purposes.consent'),
        value: [perJurisdictionText(ctx, purpose.consent, (mode) => ctx.t(`consent.${mode}`))],
      },
      refusal(ctx, purpose),
      optOut(ctx, purpose),
      flag(purpose.automatedDecisions, 'purposes.automated', 'purposes.automatedValue'),
      flag(purpose.sale, 'purposes.sale', 'purposes.saleValue'),
      flag(purpose.targetedAdvertising, 'purposes.targeted', 'purposes.targetedValue'),
    ]),
  ]);
}

/** Why we use it: each purpose with its data, legal basis per jurisdiction, consent and refusal effect. */
export function purposesSection(ctx: RenderContext): Section {
  return section(
    'why-we-use-it',
    ctx.t('section.purposes'),
    [paragraph(ctx.t('purposes.intro'))],
    ctx.manifest.purposes.map((purpose, index) => purposeSection(ctx, purpose, index)),
  );
}
