import type { Transfer } from '@pledge/core';
import type { RenderContext } from '../context.js';
import { list, paragraph, section, strong, table } from '../model/blocks.js';
import type { Block, Inline, Section } from '../model/types.js';

/** Localisation rules as a list: "{scope}: stays in {region}." plus categories and exceptions. */
export function localisationList(ctx: RenderContext): Block | undefined {
  const rules = ctx.manifest.transfers.localisation;
  if (rules.length === 0) return undefined;
  return list(
    rules.map((rule): Inline[] => {
      const exceptions = rule.exceptions.map((e) => ctx.text(e)).filter((e) => e !== '');
      return [
        ctx.concat([
          ctx.t('transfers.stays', { scope: ctx.text(rule.scope), region: ctx.country(rule.region) }),
          rule.categories.length > 0
            ? ctx.t('transfers.categories', { list: ctx.categoryNames(rule.categories) })
            : '',
          exceptions.length > 0 ? ctx.t('transfers.exceptions', { list: ctx.join(exceptions) }) : '',
        ]),
      ];
    }),
  );
}

/** A table of transfers; undefined when there are none. */
export function transfersTable(
  ctx: RenderContext,
  transfers: Transfer[],
  caption: string,
): Block | undefined {
  if (transfers.length === 0) return undefined;
  return table(
    caption,
    [
      ctx.t('transfers.col.to'),
      ctx.t('transfers.col.from'),
      ctx.t('transfers.col.recipients'),
      ctx.t('transfers.col.data'),
      ctx.t('transfers.col.mechanisms'),
    ],
    transfers.map((transfer): Inline[][] => {
      const description = ctx.text(transfer.description);
      const to = ctx.country(transfer.to);
      return [
        [description ? ctx.t('common.parenthesis', { text: to, note: description }) : to],
        [transfer.from === undefined ? ctx.t('common.notStated') : ctx.country(transfer.from)],
        [
          transfer.recipients.length > 0
            ? ctx.join(transfer.recipients.map((id) => ctx.recipientName(id)))
            : ctx.t('common.notStated'),
        ],
        [
          transfer.categories.length > 0
            ? ctx.categoryNames(transfer.categories)
            : ctx.t('transfers.anyCategory'),
        ],
        [ctx.join(transfer.mechanisms.map((m) => ctx.t(`mechanism.${m}`)))],
      ];
    }),
  );
}

/** Where it is stored and transfers: storage countries, localisation, transfers and their safeguards. */
export function transfersSection(ctx: RenderContext): Section {
  const { storage, localisation, transfers } = ctx.manifest.transfers;
  return section('where-it-is-stored', ctx.t('section.transfers'), [
    paragraph(
      storage.length > 0
        ? ctx.t('transfers.storage', { countries: ctx.join(storage.map((c) => ctx.country(c))) })
        : ctx.t('transfers.storageUnstated'),
    ),
    localisation.length > 0 ? paragraph(strong(ctx.t('transfers.localisation'))) : undefined,
    localisationList(ctx),
    transfersTable(ctx, transfers, ctx.t('transfers.caption')),
  ]);
}
