import { z } from 'zod';
import { Duration, Id, LocalText } from './common.js';

/** A cookie, pixel, web beacon, local-storage key or device identifier. */
export const Tracker = z
  .object({
    id: Id,
    name: LocalText,
    kind: z.enum([
      'cookie',
      'pixel',
      'web-beacon',
      'local-storage',
      'flash-lso',
      'sdk-identifier',
      'fingerprint',
    ]),
    party: z.enum(['first', 'third']),
    recipient: Id.optional().describe('Recipient that sets or receives it.'),
    purposes: z.array(Id).min(1),
    categories: z.array(Id).default([]),
    advertising: z.boolean().default(false).describe('Used for advertising or cross-site tracking.'),
    essential: z
      .boolean()
      .optional()
      .describe(
        'Strictly necessary; set without consent. Omitted: the policy says nothing; Pledge treats it as non-essential.',
      ),
    expiry: z.union([Duration, z.literal('session')]).optional(),
    control: LocalText.optional().describe('How a visitor refuses or clears it.'),
  })
  .strict();
export type Tracker = z.infer<typeof Tracker>;

/** Browser signals the policy honours. */
export const Signals = z
  .object({
    doNotTrack: z
      .boolean()
      .optional()
      .describe(
        'Do Not Track (DNT: 1) is honoured. Omitted: the policy says nothing; Pledge does not honour it.',
      ),
    globalPrivacyControl: z
      .boolean()
      .optional()
      .describe(
        'Global Privacy Control (Sec-GPC: 1) is honoured as an opt-out of sale/share. Omitted: the policy says nothing; Pledge honours it.',
      ),
    showsSignalStatus: z
      .boolean()
      .optional()
      .describe(
        'The site shows a visitor whose browser sends an opt-out preference signal whether it was honoured (e.g. "Opt-Out Request Honored", from `gpcStatus`), as California requires from 2026-01-01 (11 CCR §7025(c)(6)). Omitted: the policy says nothing.',
      ),
  })
  .strict();
export type Signals = z.infer<typeof Signals>;

/** A mobile operating system permission the app requests. */
export const Permission = z
  .object({
    id: Id,
    platform: z.enum(['android', 'ios', 'harmonyos', 'web']),
    name: z.string().describe('System name, e.g. android.permission.ACCESS_FINE_LOCATION.'),
    label: LocalText.optional(),
    purposes: z.array(Id).min(1).describe('Ids of the purposes the permission serves.'),
    categories: z.array(Id).default([]),
    required: z
      .boolean()
      .optional()
      .describe('Refusing it blocks the app. Omitted: the policy says nothing.'),
    when: LocalText.optional().describe('When the app asks for it.'),
  })
  .strict();
export type Permission = z.infer<typeof Permission>;
