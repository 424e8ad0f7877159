import { z } from 'zod';
import { Id, LocalText } from './common.js';

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** A way to reach the controller. */
export const ContactChannel = z
  .object({
    id: Id,
    kind: z.enum(['email', 'phone', 'postal', 'web-form', 'in-app', 'customer-service', 'other']),
    value: z
      .string()
      .describe('The address, number, URL or in-app path. Blank or placeholder values are linted.'),
    label: LocalText.optional(),
    uses: z
      .array(z.enum(['general', 'rights', 'privacy-officer', 'complaints', 'security', 'marketing-opt-out']))
      .default(['general'])
      .describe('What the channel is published for.'),
  })
  .strict();
export type ContactChannel = z.infer<typeof ContactChannel>;

/** The organisation responsible for the processing. */
export const Controller = z
  .object({
    name: LocalText.describe('Legal name of the controller.'),
    aliases: z.array(z.string()).default([]),
    address: LocalText.optional(),
    country: z.string().length(2).describe('ISO 3166-1 alpha-2 country code.').optional(),
    timeZone: z
      .string()
      .refine(isTimeZone, 'not an IANA time zone')
      .optional()
      .describe(
        "IANA time zone where the controller is, e.g. `Europe/Berlin`. Request deadlines under a law spanning several zones (EU) end at midnight there. Omitted: the zone of `country`, else the law's earliest midnight (`Europe/Athens` for the EU).",
      ),
    contacts: z.array(ContactChannel).min(1).describe('Published contact channels.'),
    privacyOfficer: z
      .object({ name: LocalText.optional(), contact: Id.describe('Id of a contact channel.') })
      .strict()
      .optional()
      .describe('Data protection officer or person in charge of personal information protection.'),
    representatives: z
      .array(
        z
          .object({ region: z.string(), name: LocalText, contact: Id.optional() })
          .strict()
          .describe('A representative in another region (e.g. EU Art. 27).'),
      )
      .default([]),
  })
  .strict();
export type Controller = z.infer<typeof Controller>;
