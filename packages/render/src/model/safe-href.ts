/**
 * Returns the URL when it is safe to emit as a link target (http, https, mailto, tel),
 * otherwise undefined: a manifest value such as `javascript:...` is then shown as text only.
 */
export function safeHref(href: string | undefined): string | undefined {
  if (href === undefined) return undefined;
  const trimmed = href.trim();
  if (/[\s<>"'`]/.test(trimmed)) return undefined;
  return /^(https?:\/\/|mailto:|tel:)/i.test(trimmed) ? trimmed : undefined;
}
