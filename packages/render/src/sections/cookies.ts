import type { Tracker } from '@pledge/core';
import type { RenderContext } from '../context.js';
import { list, paragraph, section, table } from '../model/blocks.js';
import type { Inline, Section } from '../model/types.js';

function trackerRow(ctx: RenderContext, tracker: Tracker): Inline[][] {
  const party =
    tracker.party === 'first'
      ? ctx.t('cookies.firstParty')
      : tracker.recipient === undefined
        ? ctx.t('cookies.thirdParty')
        : ctx.t('common.parenthesis', {
            text: ctx.recipientName(tracker.recipient),
            note: ctx.t('cookies.thirdParty'),
          });
  const purposes = ctx.purposeNames(tracker.purposes);
  const expiry =
    tracker.expiry === undefined
      ? ctx.t('common.notStated')
      : tracker.expiry === 'session'
        ? ctx.t('cookies.session')
        : ctx.duration(tracker.expiry);
  return [
    [ctx.text(tracker.name) || tracker.id],
    [ctx.t(`trackerKind.${tracker.kind}`)],
    [party],
    [
      tracker.advertising
        ? ctx.t('common.parenthesis', { text: purposes, note: ctx.t('cookies.advertising') })
        : purposes,
    ],
    [expiry],
    [tracker.essential === undefined ? '' : ctx.t(tracker.essential ? 'common.yes' : 'common.no')],
    [ctx.text(tracker.control) || ctx.t('common.notStated')],
  ];
}

/** Cookies and similar technologies, then how we respond to Do Not Track and Global Privacy Control. */
export function cookiesSection(ctx: RenderContext): Section {
  const { trackers, signals } = ctx.manifest;
  // A signal the manifest leaves out is not mentioned: silence is neither a promise nor a refusal.
  const stated: Inline[][] = [
    signals.doNotTrack === undefined
      ? []
      : [ctx.t(signals.doNotTrack ? 'signals.dnt.yes' : 'signals.dnt.no')],
    signals.globalPrivacyControl === undefined
      ? []
      : [ctx.t(signals.globalPrivacyControl ? 'signals.gpc.yes' : 'signals.gpc.no')],
  ].filter((item) => item.length > 0);
  const signalsSection =
    stated.length > 0 ? section('browser-signals', ctx.t('signals.title'), [list(stated)]) : undefined;
  return section(
    'cookies',
    ctx.t('section.cookies'),
    trackers.length === 0
      ? []
      : [
          paragraph(ctx.t('cookies.intro')),
          table(
            ctx.t('cookies.caption'),
            [
              ctx.t('cookies.col.name'),
              ctx.t('cookies.col.kind'),
              ctx.t('cookies.col.party'),
              ctx.t('cookies.col.purposes'),
              ctx.t('cookies.col.expiry'),
              ctx.t('cookies.col.essential'),
              ctx.t('cookies.col.control'),
            ],
            trackers.map((tracker) => trackerRow(ctx, tracker)),
          ),
        ],
    signalsSection ? [signalsSection] : [],
  );
}
