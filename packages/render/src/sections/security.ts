import type { RenderContext } from '../context.js';
import { list, paragraph, section } from '../model/blocks.js';
import type { Inline, Section } from '../model/types.js';

/** Security: encryption, access logging and review, training and the policy's own measures. */
export function securitySection(ctx: RenderContext): Section {
  const security = ctx.manifest.security;
  if (security === undefined)
    return section('security', ctx.t('section.security'), [paragraph(ctx.t('security.none'))]);
  const items: string[] = [
    security.encryptionInTransit ? ctx.t('security.inTransit') : '',
    security.encryptionAtRest ? ctx.t('security.atRest') : '',
    security.accessLogging ? ctx.t('security.accessLogging') : '',
    security.accessReviewEvery
      ? ctx.t('security.review', { duration: ctx.duration(security.accessReviewEvery) })
      : '',
    security.staffTraining ? ctx.t('security.training') : '',
    ...security.measures.map((m) => ctx.text(m)),
  ].filter((item) => item !== '');
  return section('security', ctx.t('section.security'), [
    items.length > 0 ? list(items.map((item): Inline[] => [item])) : paragraph(ctx.t('security.none')),
  ]);
}
