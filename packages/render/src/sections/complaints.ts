import type { RenderContext } from '../context.js';
import { channelsInline } from '../format/channels.js';
import { list, paragraph, section } from '../model/blocks.js';
import type { Inline, Section } from '../model/types.js';

/** Complaints: our own channel (or the channels published for complaints) and the regulators. */
export function complaintsSection(ctx: RenderContext): Section {
  const { complaints, controller } = ctx.manifest;
  const internal =
    complaints?.internalChannel !== undefined
      ? [complaints.internalChannel]
      : controller.contacts.filter((c) => c.uses.includes('complaints')).map((c) => c.id);
  const regulators = (complaints?.regulators ?? []).map((r) => ctx.text(r)).filter((r) => r !== '');
  if (internal.length === 0 && regulators.length === 0) {
    return section('complaints', ctx.t('section.complaints'), [paragraph(ctx.t('complaints.none'))]);
  }
  return section('complaints', ctx.t('section.complaints'), [
    internal.length > 0
      ? paragraph(`${ctx.t('complaints.internal')}${ctx.t('common.colon')}`, ...channelsInline(ctx, internal))
      : undefined,
    regulators.length > 0
      ? paragraph(`${ctx.t('complaints.regulators')}${ctx.t('common.colon')}`)
      : undefined,
    regulators.length > 0 ? list(regulators.map((r): Inline[] => [r])) : undefined,
  ]);
}
