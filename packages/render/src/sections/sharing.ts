import type { Recipient } from '@pledge/core';
import type { RenderContext } from '../context.js';
import { link, paragraph, section, strong, table } from '../model/blocks.js';
import type { Inline, Section } from '../model/types.js';

const KINDS: Recipient['kind'][] = ['processor', 'sdk', 'third-party', 'affiliate', 'authority'];

function nameCell(ctx: RenderContext, recipient: Recipient): Inline[] {
  const flags = ctx.join([
    recipient.consentRequired ? ctx.t('sharing.consentOnly') : '',
    recipient.declaresNoCollection ? ctx.t('sharing.noCollection') : '',
  ]);
  const name = ctx.text(recipient.name) || recipient.id;
  const description = ctx.text(recipient.description);
  return [
    strong(flags ? ctx.t('common.parenthesis', { text: name, note: flags }) : name),
    description ? `${ctx.t('common.dash')}${description}` : '',
  ];
}

function privacyCell(ctx: RenderContext, url: string | undefined): Inline[] {
  const value = url?.trim();
  if (!value) return [ctx.t('common.notStated')];
  return [link(value, value)];
}

function recipientRow(ctx: RenderContext, recipient: Recipient): Inline[][] {
  const orNotStated = (text: string) => text || ctx.t('common.notStated');
  return [
    nameCell(ctx, recipient),
    [orNotStated(ctx.text(recipient.company))],
    [orNotStated(ctx.purposeNames(recipient.purposes))],
    [
      recipient.declaresNoCollection && recipient.categories.length === 0
        ? ctx.t('common.none')
        : orNotStated(ctx.categoryNames(recipient.categories)),
    ],
    [ctx.country(recipient.country)],
    privacyCell(ctx, recipient.privacyUrl),
  ];
}

/**
 * Who we share it with: one table per kind of recipient (processors, SDKs, third
 * parties, affiliates, authorities) with company, purposes, data, country and privacy URL.
 */
export function sharingSection(ctx: RenderContext): Section {
  const head = [
    ctx.t('sharing.col.name'),
    ctx.t('sharing.col.company'),
    ctx.t('sharing.col.purposes'),
    ctx.t('sharing.col.data'),
    ctx.t('sharing.col.country'),
    ctx.t('sharing.col.privacy'),
  ];
  const groups = KINDS.flatMap((kind) => {
    const members = ctx.manifest.recipients.filter((r) => r.kind === kind);
    if (members.length === 0) return [];
    const title = ctx.t(`recipientKind.${kind}`);
    return [
      section(`sharing-${kind}`, title, [
        table(
          title,
          head,
          members.map((r) => recipientRow(ctx, r)),
        ),
      ]),
    ];
  });
  return section(
    'who-we-share-with',
    ctx.t('section.sharing'),
    [paragraph(ctx.t(groups.length === 0 ? 'sharing.none' : 'sharing.intro'))],
    groups,
  );
}
