import type { RetentionRule } from '@pledge/core';
import type { RenderContext } from '../context.js';
import { list, paragraph, section, table } from '../model/blocks.js';
import type { Inline, Section } from '../model/types.js';

const ANCHORS = [
  'collected',
  'last-activity',
  'account-closed',
  'purpose-fulfilled',
  'contract-ended',
] as const;

function anchorText(ctx: RenderContext, anchor: string): string {
  const known = ANCHORS.find((a) => a === anchor);
  return known === undefined ? ctx.t('anchor.field', { field: anchor }) : ctx.t(`anchor.${known}`);
}

/** The action(s) at the end of retention, "Deleted or anonymised"; empty when the rule is silent. */
function actionText(ctx: RenderContext, action: RetentionRule['action']): string {
  if (action === undefined) return '';
  const actions = Array.isArray(action) ? action : [action];
  const texts = actions.map((a) => ctx.t(`retentionAction.${a}`));
  // Only the first reads as the start of the cell: "Deleted or anonymised".
  return texts.map((t, i) => (i === 0 ? t : t.charAt(0).toLowerCase() + t.slice(1))).join(ctx.t('common.or'));
}

function ruleRow(ctx: RenderContext, rule: RetentionRule): Inline[][] {
  const period =
    rule.duration === undefined
      ? ctx.t('common.notStated')
      : ctx.t('retention.period', {
          duration: ctx.duration(rule.duration),
          anchor: anchorText(ctx, rule.anchor),
        });
  const criteria = ctx.sentences(rule.criteria);
  return [
    [ctx.categoryNames(rule.categories)],
    [period],
    [actionText(ctx, rule.action)],
    [criteria || ctx.t('common.none')],
    [rule.backups === 'unstated' ? ctx.t('common.notStated') : ctx.t(`backups.${rule.backups}`)],
  ];
}

/** How long we keep it: rules, criteria, backups, legal holds and what happens on cessation. */
export function retentionSection(ctx: RenderContext): Section {
  const { retention } = ctx.manifest;
  const holds = retention.legalHolds.map((hold): Inline[] => [
    ctx.concat([
      ctx.sentence(ctx.text(hold.reason) || hold.id),
      hold.categories.length > 0
        ? ctx.t('retention.holdData', { list: ctx.categoryNames(hold.categories) })
        : '',
      hold.duration
        ? ctx.t('retention.holdFor', { duration: ctx.duration(hold.duration) })
        : ctx.t('retention.holdUntil'),
    ]),
  ]);
  const cessation = ctx.concat([
    ctx.t(`retention.cessation.${retention.onCessation}`),
    retention.cessationNotice ? ctx.t('retention.cessationNotice') : '',
  ]);
  return section(
    'how-long-we-keep-it',
    ctx.t('section.retention'),
    [
      paragraph(ctx.t(retention.rules.length > 0 ? 'retention.intro' : 'retention.noRules')),
      retention.rules.length > 0
        ? table(
            ctx.t('retention.caption'),
            [
              ctx.t('retention.col.data'),
              ctx.t('retention.col.period'),
              ctx.t('retention.col.action'),
              ctx.t('retention.col.criteria'),
              ctx.t('retention.col.backups'),
            ],
            retention.rules.map((rule) => ruleRow(ctx, rule)),
          )
        : undefined,
      paragraph(cessation),
    ],
    holds.length > 0 ? [section('legal-holds', ctx.t('retention.holds'), [list(holds)])] : [],
  );
}
