import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Notifier } from '../notifier/notifier.js';
import { type TemplateLocale, templateLocale } from '../templates/locales.js';
import { escapeHtml } from '../templates/render.js';
import { addressHash, suppress } from './suppression.js';
import { openUnsubscribeToken } from './token.js';

/** The consent ledger, as the engine exposes it (`Engine.record`). */
export interface ConsentRecorder {
  record(
    subject: string,
    events: readonly {
      type: 'consent-withdrawn';
      purposes: string[];
      method: 'email';
      source: 'email';
      actor: 'subject';
    }[],
  ): Promise<{ ok: boolean }>;
}

/** Outcome of {@link confirmUnsubscribe}. */
export type UnsubscribeResult =
  | { ok: true; list: string; ledger: 'recorded' | 'refused' }
  | { ok: false; code: 'token-invalid'; path: 'token' };

/**
 * Records an opt-out: the address leaves the list at once (no more marketing mail, no
 * tracking) and a `consent-withdrawn` event for the list's purpose goes to the ledger.
 * `ledger` says whether the engine took the event (it refuses a purpose the policy lacks).
 */
export async function confirmUnsubscribe(
  notifier: Notifier,
  recorder: ConsentRecorder | undefined,
  token: string,
): Promise<UnsubscribeResult> {
  const secret = notifier.linkSecret;
  const claim = secret ? openUnsubscribeToken(secret, token) : undefined;
  if (!secret || !claim) return { ok: false, code: 'token-invalid', path: 'token' };
  await suppress(notifier.db, addressHash(secret, claim.address), claim.list, notifier.clock.now());
  let ledger: 'recorded' | 'refused' = 'refused';
  if (recorder) {
    const result = await recorder.record(claim.subject, [
      {
        type: 'consent-withdrawn',
        purposes: [claim.list],
        method: 'email',
        source: 'email',
        actor: 'subject',
      },
    ]);
    ledger = result.ok ? 'recorded' : 'refused';
  }
  return { ok: true, list: claim.list, ledger };
}

const WORDS: Record<TemplateLocale, Record<'title' | 'ask' | 'button' | 'done' | 'invalid', string>> = {
  en: {
    title: 'Unsubscribe',
    ask: 'Stop receiving “{list}” messages?',
    button: 'Unsubscribe',
    done: 'You are unsubscribed from “{list}”. You will receive no more of these messages.',
    invalid: 'This unsubscribe link is not valid. Copy the whole link from the message.',
  },
  'zh-CN': {
    title: '退订',
    ask: '不再接收“{list}”邮件？',
    button: '确认退订',
    done: '您已退订“{list}”，今后不会再收到此类邮件。',
    invalid: '此退订链接无效，请从邮件中复制完整链接。',
  },
};

/** The confirmation page a GET on an unsubscribe link shows (nothing is recorded by a GET). */
export function unsubscribePage(
  notifier: Notifier,
  token: string,
  acceptLanguage?: string,
): { status: number; html: string } {
  const locale = templateLocale(acceptLanguage);
  const w = WORDS[locale];
  const claim = notifier.linkSecret ? openUnsubscribeToken(notifier.linkSecret, token) : undefined;
  if (!claim) return { status: 400, html: page(locale, w.title, `<p>${w.invalid}</p>`) };
  const body = `<p>${escapeHtml(w.ask.replace('{list}', claim.list))}</p>
<form method="post"><button type="submit">${w.button}</button></form>`;
  return { status: 200, html: page(locale, w.title, body) };
}

/**
 * A node `http` handler for `/unsubscribe/<token>`: GET shows the confirmation page, POST
 * (the page's button, or a mail client's one-click `List-Unsubscribe-Post`) records the
 * opt-out. Mount it as is, or call {@link unsubscribePage} and {@link confirmUnsubscribe}.
 */
export function unsubscribeHandler(
  notifier: Notifier,
  recorder?: ConsentRecorder,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const match = /^\/unsubscribe\/([^/?#]+)/.exec(req.url ?? '');
    const lang = req.headers['accept-language'];
    const locale = templateLocale(lang);
    const reply = (status: number, html: string) => {
      res.writeHead(status, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        'referrer-policy': 'no-referrer',
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
      });
      res.end(html);
    };
    if (!match?.[1]) return reply(404, page(locale, WORDS[locale].title, `<p>${WORDS[locale].invalid}</p>`));
    const token = match[1];
    if (req.method === 'GET') {
      const { status, html } = unsubscribePage(notifier, token, lang);
      return reply(status, html);
    }
    if (req.method !== 'POST') return reply(405, page(locale, WORDS[locale].title, ''));
    req.resume();
    req.on('end', () => {
      confirmUnsubscribe(notifier, recorder, token).then(
        (result) => {
          const w = WORDS[locale];
          if (!result.ok) return reply(400, page(locale, w.title, `<p>${w.invalid}</p>`));
          reply(200, page(locale, w.title, `<p>${escapeHtml(w.done.replace('{list}', result.list))}</p>`));
        },
        () => reply(503, page(locale, WORDS[locale].title, '<p>Try again later. 请稍后再试。</p>')),
      );
    });
  };
}

function page(locale: TemplateLocale, title: string, body: string): string {
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;line-height:1.5}button{font-size:1rem;padding:.5rem 1rem}</style>
</head><body><main><h1>${title}</h1>
${body}
</main></body></html>`;
}
