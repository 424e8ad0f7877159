import type { RenderContext } from '../../context.js';
import { channelsInline } from '../../format/channels.js';
import { paragraph, section, strong } from '../../model/blocks.js';
import type { Section } from '../../model/types.js';
import { addresses, labelledList, rightsIn, rightsList } from './shared.js';

/** California: categories, sensitive data, sale/share and how to opt out, GPC, rights, non-discrimination. */
export function californiaSection(ctx: RenderContext): Section | undefined {
  if (!addresses(ctx, ['us-ca-ccpa'])) return undefined;
  const { categories, purposes, rights, signals } = ctx.manifest;
  const selling = purposes.filter((p) => p.sale || p.targetedAdvertising);
  // "No purpose sells" only when every purpose says so; silence on a purpose is not a denial.
  const deniesSale = purposes.every((p) => p.sale === false && p.targetedAdvertising === false);
  const optOutChannels = rights
    .filter(
      (r) =>
        r.right === 'opt-out-sale' &&
        (r.jurisdictions.length === 0 || r.jurisdictions.includes('us-ca-ccpa')),
    )
    .flatMap((r) => r.channels);
  const showOptOut = selling.length > 0 || optOutChannels.length > 0;
  return section('california', ctx.t('section.california'), [
    paragraph(ctx.t('california.intro')),
    ...labelledList(
      ctx.t('california.categories'),
      categories.map((c) => ctx.text(c.name) || c.id),
    ),
    ...labelledList(
      ctx.t('california.sensitive'),
      categories.filter((c) => ctx.isSensitive(c)).map((c) => ctx.text(c.name) || c.id),
    ),
    ...(selling.length > 0
      ? labelledList(
          ctx.t('california.saleYes'),
          selling.map((p) => ctx.text(p.name) || p.id),
        )
      : deniesSale
        ? [paragraph(ctx.t('california.saleNo'))]
        : []),
    showOptOut ? paragraph(strong(ctx.t('california.optOut'))) : undefined,
    showOptOut ? paragraph(...channelsInline(ctx, [...new Set(optOutChannels)])) : undefined,
    signals.globalPrivacyControl === undefined
      ? undefined
      : paragraph(ctx.t(signals.globalPrivacyControl ? 'signals.gpc.yes' : 'signals.gpc.no')),
    signals.showsSignalStatus ? paragraph(ctx.t('california.signalDisplay')) : undefined,
    ...rightsList(ctx, ctx.t('california.rights'), rightsIn(ctx, ['us-ca-ccpa'])),
    paragraph(ctx.t('california.nonDiscrimination')),
  ]);
}
