import { TEMPLATE_CATALOG, type TemplateId, type TemplateVars } from './catalog.js';
import { type TemplateLocale, templateLocale } from './locales.js';

/** A rendered message. */
export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
  locale: TemplateLocale;
}

/**
 * Renders a template in the language asked for (any tag or `Accept-Language` value; unknown
 * languages fall back to English), HTML-escaping every variable in the HTML part.
 */
export function renderTemplate<K extends TemplateId>(
  id: K,
  locale: string | undefined,
  vars: TemplateVars[K],
): RenderedMessage {
  const chosen = templateLocale(locale);
  const text = TEMPLATE_CATALOG[chosen][id] ?? TEMPLATE_CATALOG.en[id];
  const values = vars as unknown as Record<string, string>;
  const fill = (s: string, encode: (v: string) => string) =>
    s.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const v = values[name];
      return v === undefined ? whole : encode(v);
    });
  const plain = (v: string) => v;
  return {
    subject: fill(text.subject, plain).replace(/[\r\n]+/g, ' '),
    text: text.body.map((p) => fill(p, plain)).join('\n\n'),
    html: text.body.map((p) => `<p>${fill(escapeHtml(p), (v) => linkify(escapeHtml(v)))}</p>`).join('\n'),
    locale: chosen,
  };
}

/** Escapes text for HTML. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function linkify(escaped: string): string {
  return /^https:\/\/\S+$/.test(escaped) ? `<a href="${escaped}">${escaped}</a>` : escaped;
}
