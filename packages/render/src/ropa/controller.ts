import type { Controller, Language } from '@pledge/core';
import { localText } from './local-text.js';
import type { RopaController } from './types.js';

/** Controller name and contact details, representatives and DPO (GDPR Art. 30(1)(a)). */
export function describeController(controller: Controller, lang: Language): RopaController {
  const contact = (id: string) => {
    const channel = controller.contacts.find((c) => c.id === id);
    return channel ? `${channel.kind}: ${channel.value}` : undefined;
  };
  const officer = controller.privacyOfficer;
  const dpo = officer
    ? [localText(officer.name, lang), contact(officer.contact)].filter(Boolean).join(', ')
    : undefined;
  return {
    name: localText(controller.name, lang) ?? '',
    ...(controller.address ? { address: localText(controller.address, lang) } : {}),
    ...(controller.country ? { country: controller.country } : {}),
    contacts: controller.contacts.map((c) => `${c.kind}: ${c.value}`),
    representatives: controller.representatives.map((r) => {
      const via = r.contact ? contact(r.contact) : undefined;
      return `${localText(r.name, lang)} (${r.region})${via ? `, ${via}` : ''}`;
    }),
    ...(dpo ? { dpo } : {}),
  };
}
