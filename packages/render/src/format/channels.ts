import type { ContactChannel } from '@pledge/core';
import type { RenderContext } from '../context.js';
import { link } from '../model/blocks.js';
import type { Inline } from '../model/types.js';

/** The link target for a contact value, when it is one. */
function channelHref(channel: ContactChannel): string | undefined {
  const value = channel.value.trim();
  if (channel.kind === 'email' && /^[^\s@]+@[^\s@]+$/.test(value)) return `mailto:${value}`;
  if (channel.kind === 'phone' && /^\+?[\d\s()-]{5,}$/.test(value))
    return `tel:${value.replace(/[\s()-]/g, '')}`;
  if (/^https?:\/\//i.test(value)) return value;
  return undefined;
}

/** The value of a channel, linked where possible; "not stated" when blank. */
export function channelValue(ctx: RenderContext, channel: ContactChannel): Inline[] {
  const value = channel.value.trim();
  if (value === '') return [ctx.t('common.notStated')];
  const href = channelHref(channel);
  return [href === undefined ? value : link(value, href)];
}

/** The label of a channel: its own label, or the name of its kind. */
export function channelLabel(ctx: RenderContext, channel: ContactChannel): string {
  return ctx.text(channel.label) || ctx.t(`contactKind.${channel.kind}`);
}

/** "Email: privacy@example.com" for a channel id; an unknown id is shown as is. */
export function channelInline(ctx: RenderContext, id: string): Inline[] {
  const channel = ctx.manifest.controller.contacts.find((c) => c.id === id);
  if (channel === undefined) return [id];
  return [`${channelLabel(ctx, channel)}${ctx.t('common.colon')}`, ...channelValue(ctx, channel)];
}

/** Several channels, separated by the language's list separator; "not stated" when none. */
export function channelsInline(ctx: RenderContext, ids: string[]): Inline[] {
  if (ids.length === 0) return [ctx.t('common.notStated')];
  const out: Inline[] = [];
  ids.forEach((id, index) => {
    if (index > 0) out.push(ctx.t('common.clauseSeparator'));
    out.push(...channelInline(ctx, id));
  });
  return out;
}
