import { escapeHtml } from '@pledge/render';

/** An instant as `YYYY-MM-DD HH:MM UTC`, or with seconds (the console's one way of showing times). */
export function formatInstant(at: Date | string, options: { seconds?: boolean } = {}): string {
  const iso = new Date(at).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, options.seconds ? 19 : 16)} UTC`;
}

/** An instant as a `<time>` element (kept on one line by the design system), escaped. */
export function timeHtml(at: Date | string, options: { seconds?: boolean } = {}): string {
  const iso = new Date(at).toISOString();
  return `<time datetime="${escapeHtml(iso)}">${escapeHtml(formatInstant(at, options))}</time>`;
}
