import type { JurisdictionKey, Right } from '@pledge/core';
import type { RenderContext } from '../../context.js';
import { channelsInline } from '../../format/channels.js';
import { list, paragraph, strong } from '../../model/blocks.js';
import type { Block, Inline } from '../../model/types.js';

/** Whether the policy addresses any of the given jurisdictions. */
export function addresses(ctx: RenderContext, keys: JurisdictionKey[]): boolean {
  return ctx.manifest.policy.jurisdictions.some((key) => keys.includes(key));
}

/** Rights available in any of the given jurisdictions (unrestricted rights included). */
export function rightsIn(ctx: RenderContext, keys: JurisdictionKey[]): Right[] {
  return ctx.manifest.rights.filter(
    (right) => right.jurisdictions.length === 0 || right.jurisdictions.some((key) => keys.includes(key)),
  );
}

/** A labelled list of rights with their channels; "not stated" when none. */
export function rightsList(ctx: RenderContext, title: string, rights: Right[]): Block[] {
  const heading = paragraph(strong(title));
  if (rights.length === 0) return [heading, paragraph(ctx.t('rights.none'))];
  return [
    heading,
    list(
      rights.map((right): Inline[] => [
        `${ctx.t(`right.${right.right}`)}${ctx.t('common.colon')}`,
        ...channelsInline(ctx, right.channels),
      ]),
    ),
  ];
}

/** A bold label followed by a list of plain items; nothing when the list is empty. */
export function labelledList(title: string, items: string[]): Block[] {
  if (items.length === 0) return [];
  return [paragraph(strong(title)), list(items.map((item): Inline[] => [item]))];
}
