import { runtimeDefault } from '@pledge/core';
import { defineRule } from '../define-rule.js';

/** Sale, sharing or targeted advertising where a law requires GPC, with GPC not honoured. */
export const signalsGpcNotHonoured = defineRule({
  code: 'signals.gpc-not-honoured',
  severity: 'error',
  title: 'Global Privacy Control not honoured where the law requires it',
  description:
    'Checks that a policy addressing a jurisdiction that requires Global Privacy Control honours it (`signals.globalPrivacyControl`) when a purpose sells or shares personal information or does targeted advertising, or a third-party tracker is used for advertising.',
  why: 'Under the CCPA a business that sells or shares personal information must treat a GPC signal as a valid request to opt out (11 CCR §7025; Cal. Civ. Code §1798.135).',
  check(ctx, report) {
    if (ctx.manifest.signals.globalPrivacyControl ?? runtimeDefault('signals.globalPrivacyControl')) return;
    const requiring = ctx.jurisdictions.filter((j) => j.signals.gpc.value);
    if (requiring.length === 0) return;
    const sells =
      ctx.manifest.purposes.some((p) => p.sale || p.targetedAdvertising) ||
      ctx.manifest.trackers.some((t) => t.advertising && t.party === 'third');
    if (!sells) return;
    for (const j of requiring) {
      report(
        'signals.globalPrivacyControl',
        `${j.key} requires honouring Global Privacy Control (${j.signals.gpc.cite.ref}) but it is off while personal information is sold, shared or used for targeted advertising`,
      );
    }
  },
  examples: {
    failing: {
      policy: { jurisdictions: ['us-ca-ccpa'] },
      signals: { globalPrivacyControl: false },
      purposes: [{ id: 'analytics', sale: true, legalBasis: 'consent', consent: 'opt-out' }],
    },
    passing: {
      policy: { jurisdictions: ['us-ca-ccpa'] },
      signals: { globalPrivacyControl: true, showsSignalStatus: true },
      purposes: [{ id: 'analytics', sale: true, legalBasis: 'consent', consent: 'opt-out' }],
    },
  },
});
