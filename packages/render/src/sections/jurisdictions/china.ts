import { valueFor } from '@pledge/core';
import type { RenderContext } from '../../context.js';
import { channelInline } from '../../format/channels.js';
import { fields, list, paragraph, section, strong, table } from '../../model/blocks.js';
import type { Inline, Section } from '../../model/types.js';
import { minorRuleText } from '../children.js';
import { localisationList, transfersTable } from '../transfers.js';
import { addresses } from './shared.js';

const PIPL_MECHANISMS = new Set([
  'separate-consent',
  'pipl-standard-contract',
  'pipl-security-assessment',
  'pipl-certification',
]);

/**
 * Mainland China: the person in charge of personal information protection, legal basis
 * and consent per purpose, sensitive personal information, minors under 14, localisation
 * and transfers abroad.
 */
export function chinaSection(ctx: RenderContext): Section | undefined {
  if (!addresses(ctx, ['cn-pipl'])) return undefined;
  const { controller, purposes, categories, minors, transfers } = ctx.manifest;
  const officer = controller.privacyOfficer;
  const officerValue: Inline[] =
    officer === undefined
      ? [ctx.t('common.notStated')]
      : [
          ...(ctx.text(officer.name) ? [ctx.text(officer.name), ctx.t('common.clauseSeparator')] : []),
          ...channelInline(ctx, officer.contact),
        ];
  const bases = table(
    ctx.t('china.bases'),
    [ctx.t('china.col.purpose'), ctx.t('china.col.basis'), ctx.t('china.col.consent')],
    purposes.map((p): Inline[][] => [
      [ctx.text(p.name) || p.id],
      [ctx.legalBasis(valueFor(p.legalBasis, 'cn-pipl'))],
      [ctx.t(`consent.${valueFor(p.consent, 'cn-pipl')}`)],
    ]),
  );
  const sensitive = categories
    .filter((c) => ctx.isSensitive(c))
    .map((c): Inline[] => {
      const uses = purposes
        .filter((p) => p.categories.includes(c.id))
        .map((p) =>
          ctx.t('common.parenthesis', {
            text: ctx.text(p.name) || p.id,
            note: ctx.t(`consent.${valueFor(p.consent, 'cn-pipl')}`),
          }),
        );
      const name = ctx.text(c.name) || c.id;
      return [uses.length > 0 ? ctx.t('common.labelValue', { label: name, value: ctx.join(uses) }) : name];
    });
  const minorRules = minors.rules
    .filter((r) => r.jurisdictions.length === 0 || r.jurisdictions.includes('cn-pipl'))
    .map((r): Inline[] => [minorRuleText(ctx, r)]);
  const abroad = transfers.transfers.filter(
    (t) => t.from === 'CN' || t.mechanisms.some((m) => PIPL_MECHANISMS.has(m)),
  );
  return section('china', ctx.t('section.china'), [
    paragraph(ctx.t('china.intro')),
    fields([{ label: ctx.t('china.officer'), value: officerValue }]),
    bases,
    paragraph(strong(ctx.t('china.sensitive'))),
    sensitive.length > 0 ? list(sensitive) : paragraph(ctx.t('china.sensitiveNone')),
    paragraph(strong(ctx.t('china.minors'))),
    paragraph(ctx.t('china.minorsNote')),
    minorRules.length > 0 ? list(minorRules) : paragraph(ctx.t('children.noRules')),
    paragraph(strong(ctx.t('china.localisation'))),
    paragraph(
      transfers.storage.length > 0
        ? ctx.t('transfers.storage', { countries: ctx.join(transfers.storage.map((c) => ctx.country(c))) })
        : ctx.t('transfers.storageUnstated'),
    ),
    localisationList(ctx),
    transfersTable(ctx, abroad, ctx.t('china.localisation')),
  ]);
}
