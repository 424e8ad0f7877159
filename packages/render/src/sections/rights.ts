import type { Right } from '@pledge/core';
import type { RenderContext } from '../context.js';
import { channelsInline } from '../format/channels.js';
import { deadlineText, extensionText } from '../format/deadline.js';
import { fields, paragraph, section } from '../model/blocks.js';
import type { Field, Section } from '../model/types.js';

/** The fee rule in words; "not stated" when the policy is silent. */
export function feeText(ctx: RenderContext, fee: Right['fee']): string {
  const base =
    fee.kind === 'unstated'
      ? ctx.t('common.notStated')
      : fee.kind === 'free-first'
        ? fee.freeRequestsPerYear === undefined || fee.freeRequestsPerYear <= 1
          ? ctx.t('fee.free-first-once')
          : ctx.t('fee.free-first', { count: fee.freeRequestsPerYear })
        : ctx.t(`fee.${fee.kind}`);
  const note = ctx.text(fee.note);
  return note ? ctx.t('common.parenthesis', { text: base, note }) : base;
}

/** Jurisdictions where a right applies, in words. */
export function rightScope(ctx: RenderContext, right: Right): string {
  if (right.jurisdictions.length === 0) return ctx.t('rights.everyone');
  return ctx.join(right.jurisdictions.map((key) => ctx.t(`jurisdiction.${key}`)));
}

/** The title of a right; limited rights name where they apply. */
export function rightTitle(ctx: RenderContext, right: Right): string {
  const name = ctx.t(`right.${right.right}`);
  if (right.jurisdictions.length === 0) return name;
  return `${name}${ctx.t('common.dash')}${rightScope(ctx, right)}`;
}

function rightFields(ctx: RenderContext, right: Right): Field[] {
  const conditions = ctx.sentences(right.conditions);
  const items: Array<Field | undefined> = [
    { label: ctx.t('rights.where'), value: [rightScope(ctx, right)] },
    { label: ctx.t('rights.how'), value: channelsInline(ctx, right.channels) },
    { label: ctx.t('rights.deadline'), value: [deadlineText(ctx, right.deadline)] },
    right.deadline === undefined
      ? undefined
      : { label: ctx.t('rights.extension'), value: [extensionText(ctx, right.deadline)] },
    { label: ctx.t('rights.fee'), value: [feeText(ctx, right.fee)] },
    {
      label: ctx.t('rights.verification'),
      value: [
        right.verification === 'unstated'
          ? ctx.t('common.notStated')
          : ctx.t(`verification.${right.verification}`),
      ],
    },
    right.form === 'unstated'
      ? undefined
      : { label: ctx.t('rights.form'), value: [ctx.t(`form.${right.form}`)] },
    conditions ? { label: ctx.t('rights.conditions'), value: [conditions] } : undefined,
  ];
  return items.filter((item): item is Field => item !== undefined);
}

/**
 * Your rights: each right with where it applies, channels, deadline in words,
 * extension, fee and identity check; "not stated" wherever the policy is silent.
 */
export function rightsSection(ctx: RenderContext): Section {
  const { rights } = ctx.manifest;
  return section(
    'your-rights',
    ctx.t('section.rights'),
    [paragraph(ctx.t(rights.length > 0 ? 'rights.intro' : 'rights.none'))],
    rights.map((right, index) =>
      section(`right-${index + 1}`, rightTitle(ctx, right), [fields(rightFields(ctx, right))]),
    ),
  );
}
