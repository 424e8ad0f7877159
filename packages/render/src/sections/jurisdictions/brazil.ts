import type { RenderContext } from '../../context.js';
import { paragraph, section } from '../../model/blocks.js';
import type { Section } from '../../model/types.js';
import { addresses, rightsIn, rightsList } from './shared.js';

/** Brazil: LGPD rights and the ECA Digital's rules for children and adolescents. */
export function brazilSection(ctx: RenderContext): Section | undefined {
  if (!addresses(ctx, ['br-lgpd'])) return undefined;
  return section('brazil', ctx.t('section.brazil'), [
    paragraph(ctx.t('brazil.intro')),
    ...rightsList(ctx, ctx.t('brazil.rights'), rightsIn(ctx, ['br-lgpd'])),
    paragraph(ctx.t('brazil.minors')),
  ]);
}
