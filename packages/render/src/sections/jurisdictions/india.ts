import type { RenderContext } from '../../context.js';
import { paragraph, section } from '../../model/blocks.js';
import type { Section } from '../../model/types.js';
import { addresses, rightsIn, rightsList } from './shared.js';

/** India (DPDP Act 2023, Rules 2025): rights, grievances and the Board, children under 18, breaches. */
export function indiaSection(ctx: RenderContext): Section | undefined {
  if (!addresses(ctx, ['in-dpdp'])) return undefined;
  return section('india', ctx.t('section.india'), [
    paragraph(ctx.t('india.intro')),
    ...rightsList(ctx, ctx.t('india.rights'), rightsIn(ctx, ['in-dpdp'])),
    paragraph(ctx.t('india.grievance')),
    paragraph(ctx.t('india.children')),
    paragraph(ctx.t('india.breach')),
  ]);
}
