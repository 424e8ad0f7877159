import type { Notifier, SendOutcome } from '../notifier/notifier.js';
import { escapeHtml } from '../templates/render.js';
import { addressHash, suppressedLists } from './suppression.js';
import { sealUnsubscribeToken } from './token.js';

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
}

/** Why a marketing mail was not sent. */
export type MarketingRefusal =
  | { ok: false; code: 'unsubscribed'; path: 'to' }
  | { ok: false; code: 'link-secret-missing'; path: 'linkSecret' };

/**
 * Sends a marketing mail with a working unsubscribe link (and `List-Unsubscribe` headers).
 * An address that left the list gets nothing; one that left any list gets no tracking.
 */
export async function sendMarketing(
  notifier: Notifier,
  mail: MarketingMail,
): Promise<({ ok: true } & SendOutcome) | MarketingRefusal> {
  const secret = notifier.linkSecret;
  if (!secret || !notifier.publicUrl) return { ok: false, code: 'link-secret-missing', path: 'linkSecret' };
  const left = await suppressedLists(notifier.db, addressHash(secret, mail.to));
  if (left.includes(mail.list)) return { ok: false, code: 'unsubscribed', path: 'to' };
  const token = sealUnsubscribeToken(secret, {
    subject: mail.subject ?? mail.to,
    address: mail.to,
    list: mail.list,
  });
  const link = `${notifier.publicUrl}/unsubscribe/${token}`;
  const tracking = left.length === 0 && mail.trackingPixelUrl ? mail.trackingPixelUrl : undefined;
  const html = [
    mail.html ?? `<p>${escapeHtml(mail.text)}</p>`,
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
