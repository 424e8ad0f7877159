import type { RenderContext } from '../context.js';
import { fields, paragraph, section } from '../model/blocks.js';
import type { Field, Section } from '../model/types.js';

/** Version and date fields shared by the document header and the changes section. */
export function versionFields(ctx: RenderContext): Field[] {
  const { policy } = ctx.manifest;
  const items: Array<Field | undefined> = [
    { label: ctx.t('doc.version'), value: [policy.version] },
    policy.lastUpdated ? { label: ctx.t('doc.lastUpdated'), value: [policy.lastUpdated] } : undefined,
    { label: ctx.t('doc.effectiveDate'), value: [policy.effectiveDate ?? ctx.t('common.notStated')] },
  ];
  return items.filter((item): item is Field => item !== undefined);
}

/** Changes to this policy: version, dates, notice of material changes, channels, acceptance by use. */
export function changesSection(ctx: RenderContext): Section {
  const { policy } = ctx.manifest;
  const { changes } = policy;
  const statements = ctx.concat([
    policy.useMeansAcceptance === 'no' ? '' : ctx.t(`changes.acceptance.${policy.useMeansAcceptance}`),
    changes.noRightsReductionWithoutConsent ? ctx.t('changes.noRightsReduction') : '',
  ]);
  return section('changes', ctx.t('section.changes'), [
    fields([
      ...versionFields(ctx),
      changes.advanceNotice === undefined
        ? undefined
        : {
            label: ctx.t('changes.notice'),
            value: [
              changes.advanceNotice === 'none'
                ? ctx.t('changes.noNotice')
                : ctx.t('changes.noticeValue', { duration: ctx.duration(changes.advanceNotice) }),
            ],
          },
      {
        label: ctx.t('changes.channels'),
        value: [
          changes.channels.length > 0
            ? ctx.join(changes.channels.map((c) => ctx.t(`changeChannel.${c}`)))
            : ctx.t('common.notStated'),
        ],
      },
      changes.reviewEvery
        ? {
            label: ctx.t('changes.review'),
            value: [ctx.t('changes.reviewValue', { duration: ctx.duration(changes.reviewEvery) })],
          }
        : undefined,
    ]),
    statements ? paragraph(statements) : undefined,
  ]);
}
