import type { Notifier, SendOutcome } from '../notifier/notifier.js';
import { escapeHtml } from '../templates/render.js';
import { addressHash, suppressedLists } from './suppression.js';
import { sealUnsubscribeToken } from './token.js';
import { trackLinks } from './tracking.js';

/** A marketing mail. */
export interface MarketingMail {
  to: string;
  /** The subject as the consent ledger knows them; default: the address. */
  subject?: string;
  /** The list: a purpose id of the manifest (`newsletter`). */
  list: string;
  title: string;
  text: string;
  /** HTML body (trusted: written by the operator). */
  html?: string;
  /** An open-tracking image, added only while the address has never unsubscribed. */
  trackingPixelUrl?: string;
  /**
   * A click-tracking redirect (`https://t.example/c?u=`): the HTML body's web links go through it,
   * the destination appended URL-encoded, only while the address has never unsubscribed.
   */
  clickTrackingUrl?: string;
}

/**
 * Whether the consent ledger still allows the list's purpose for the subject (e.g. the engine's
 * `decide`); a withdrawal made elsewhere (privacy center, a request) then stops the mail too.
 */
export type MarketingConsent = (subject: string, list: string) => Promise<boolean>;

/** Why a marketing mail was not sent. */
export type MarketingRefusal =
  | { ok: false; code: 'unsubscribed'; path: 'to' }
  | { ok: false; code: 'consent-withdrawn'; path: 'subject' }
  | { ok: false; code: 'link-secret-missing'; path: 'linkSecret' };

/**
 * Sends a marketing mail with a working unsubscribe link (and `List-Unsubscribe` headers).
 * With `consent`, a subject whose ledger no longer allows the list's purpose gets nothing.
 * An address that left the list gets nothing; one that left any list gets no tracking: no
 * open pixel, no click-tracking redirect. Other mail (`kind` transactional) is not affected.
 */
export async function sendMarketing(
  notifier: Notifier,
  mail: MarketingMail,
  consent?: MarketingConsent,
): Promise<({ ok: true } & SendOutcome) | MarketingRefusal> {
  const secret = notifier.linkSecret;
  if (!secret || !notifier.publicUrl) return { ok: false, code: 'link-secret-missing', path: 'linkSecret' };
  const left = await suppressedLists(notifier.db, addressHash(secret, mail.to));
  if (left.includes(mail.list)) return { ok: false, code: 'unsubscribed', path: 'to' };
  if (consent && !(await consent(mail.subject ?? mail.to, mail.list))) {
    return { ok: false, code: 'consent-withdrawn', path: 'subject' };
  }
  const token = sealUnsubscribeToken(secret, {
    subject: mail.subject ?? mail.to,
    address: mail.to,
    list: mail.list,
  });
  const link = `${notifier.publicUrl}/unsubscribe/${token}`;
  // Someone who left any list is not tracked in any mail (P0-14).
  const tracked = left.length === 0;
  const tracking = tracked && mail.trackingPixelUrl ? mail.trackingPixelUrl : undefined;
  const content = mail.html ?? `<p>${escapeHtml(mail.text)}</p>`;
  const html = [
    tracked && mail.clickTrackingUrl ? trackLinks(content, mail.clickTrackingUrl) : content,
    `<p><a href="${escapeHtml(link)}">Unsubscribe / 退订</a></p>`,
    tracking ? `<img src="${escapeHtml(tracking)}" width="1" height="1" alt="">` : '',
  ].join('\n');
  const sent = await notifier.send({
    channel: 'email',
    kind: 'marketing',
    recipient: mail.to,
    subject: mail.title,
    template: 'marketing',
    ref: mail.list,
    body: {
      text: `${mail.text}\n\nUnsubscribe / 退订: ${link}`,
      html,
      headers: { 'List-Unsubscribe': `<${link}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    },
  });
  return { ok: true, ...sent };
}
