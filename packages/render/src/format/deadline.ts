import type { Deadline } from '@pledge/core';
import type { RenderContext } from '../context.js';

/**
 * A deadline in words: "We reply within 15 working days from the later of receipt
 * and identity verification (under normal circumstances)". "not stated" when absent.
 */
export function deadlineText(ctx: RenderContext, deadline: Deadline | undefined): string {
  if (deadline === undefined) return ctx.t('common.notStated');
  // Only what the manifest states: no clock start, or no reply/completion, when it is silent on them.
  const duration = ctx.duration(deadline);
  const kind = deadline.kind ?? 'within';
  const text =
    deadline.clockStart === undefined
      ? ctx.t(`deadline.${kind}`, { duration })
      : ctx.t(`deadline.${kind}From`, { duration, start: ctx.t(`clock.${deadline.clockStart}`) });
  const qualifier = ctx.text(deadline.qualifier);
  return qualifier ? ctx.t('common.parenthesis', { text, note: qualifier }) : text;
}

/** The extension a deadline allows, in words; "None" when the policy gives none. */
export function extensionText(ctx: RenderContext, deadline: Deadline | undefined): string {
  if (deadline === undefined) return ctx.t('common.notStated');
  const extension = deadline.extension;
  if (extension === undefined) return ctx.t('common.none');
  const text =
    extension.amount === undefined
      ? ctx.t('extension.unbounded')
      : ctx.t('extension.bounded', {
          duration: ctx.duration({ amount: extension.amount, unit: extension.unit ?? deadline.unit }),
        });
  const when = ctx.text(extension.when);
  return when ? ctx.t('extension.when', { text, when }) : text;
}
