import type { JurisdictionKey } from '@pledge/core';
import { valueFor } from '@pledge/core';
import type { RenderContext } from '../../context.js';
import { channelInline } from '../../format/channels.js';
import { list, paragraph, section, strong, table } from '../../model/blocks.js';
import type { Inline, Section } from '../../model/types.js';
import { transfersTable } from '../transfers.js';
import { addresses, rightsIn, rightsList } from './shared.js';

const GDPR: JurisdictionKey[] = ['eu-gdpr', 'uk-gdpr'];
const GDPR_MECHANISMS = new Set(['adequacy', 'scc', 'bcr']);

/** EEA and UK: legal bases per purpose, GDPR rights, representatives, transfers, supervisory complaint. */
export function eeaSection(ctx: RenderContext): Section | undefined {
  if (!addresses(ctx, GDPR)) return undefined;
  const keys = GDPR.filter((key) => ctx.manifest.policy.jurisdictions.includes(key));
  const bases = table(
    ctx.t('eea.bases'),
    [ctx.t('eea.col.purpose'), ...keys.map((key) => ctx.t(`jurisdiction.${key}`))],
    ctx.manifest.purposes.map((purpose): Inline[][] => [
      [ctx.text(purpose.name) || purpose.id],
      ...keys.map((key): Inline[] => [ctx.legalBasis(valueFor(purpose.legalBasis, key))]),
    ]),
  );
  const representatives = ctx.manifest.controller.representatives.map((rep): Inline[] => [
    ctx.t('common.labelValue', { label: rep.region, value: ctx.text(rep.name) }),
    ...(rep.contact === undefined
      ? []
      : [ctx.t('common.clauseSeparator'), ...channelInline(ctx, rep.contact)]),
  ]);
  const transfers = ctx.manifest.transfers.transfers.filter((t) =>
    t.mechanisms.some((m) => GDPR_MECHANISMS.has(m)),
  );
  return section('eea-uk', ctx.t('section.eea'), [
    paragraph(ctx.t('eea.intro')),
    bases,
    ...rightsList(ctx, ctx.t('eea.rights'), rightsIn(ctx, keys)),
    representatives.length > 0 ? paragraph(strong(ctx.t('eea.representative'))) : undefined,
    representatives.length > 0 ? list(representatives) : undefined,
    transfersTable(ctx, transfers, ctx.t('eea.transfers')),
    paragraph(ctx.t('eea.complaint')),
  ]);
}
