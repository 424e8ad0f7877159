import type { RenderContext } from '../context.js';
import { channelInline, channelLabel, channelValue } from '../format/channels.js';
import { fields, list, paragraph, section, strong, table } from '../model/blocks.js';
import type { Inline, Section } from '../model/types.js';

/** Who we are and how to contact us: controller, contacts, privacy officer, representatives. */
export function contactSection(ctx: RenderContext): Section {
  const { controller, policy } = ctx.manifest;
  const name = ctx.text(controller.name) || ctx.t('common.notStated');
  const services = policy.services.map((s) => ctx.text(s)).filter((s) => s !== '');
  const address = ctx.text(controller.address);
  const contacts = table(
    ctx.t('contact.channels'),
    [ctx.t('contact.col.channel'), ctx.t('contact.col.value'), ctx.t('contact.col.uses')],
    controller.contacts.map((channel) => [
      [channelLabel(ctx, channel)],
      channelValue(ctx, channel),
      [ctx.join(channel.uses.map((use) => ctx.t(`contactUse.${use}`)))],
    ]),
  );
  const officer = controller.privacyOfficer;
  const officerValue: Inline[] | undefined =
    officer === undefined
      ? undefined
      : [
          ...(ctx.text(officer.name) ? [ctx.text(officer.name), ctx.t('common.clauseSeparator')] : []),
          ...channelInline(ctx, officer.contact),
        ];
  const representatives = controller.representatives.map((rep): Inline[] => [
    ctx.t('common.labelValue', { label: rep.region, value: ctx.text(rep.name) }),
    ...(rep.contact === undefined
      ? []
      : [ctx.t('common.clauseSeparator'), ...channelInline(ctx, rep.contact)]),
  ]);
  return section('who-we-are', ctx.t('section.contact'), [
    paragraph(ctx.t('contact.intro', { controller: name })),
    controller.aliases.length > 0
      ? paragraph(ctx.t('contact.aliases', { aliases: ctx.join(controller.aliases) }))
      : undefined,
    services.length > 0 ? paragraph(ctx.t('contact.services', { services: ctx.join(services) })) : undefined,
    fields([
      { label: ctx.t('contact.address'), value: [address || ctx.t('common.notStated')] },
      controller.country === undefined
        ? undefined
        : { label: ctx.t('contact.country'), value: [ctx.country(controller.country)] },
      officerValue === undefined ? undefined : { label: ctx.t('contact.officer'), value: officerValue },
    ]),
    contacts,
    representatives.length > 0 ? paragraph(strong(ctx.t('contact.representatives'))) : undefined,
    representatives.length > 0 ? list(representatives) : undefined,
  ]);
}
