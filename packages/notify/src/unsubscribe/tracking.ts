/**
 * Sends each web link (`href="http..."`) of an operator's HTML through a click-tracking
 * redirect: `redirect` followed by the URL-encoded destination. Other attributes and links
 * (`mailto:`) are left as written.
 */
export function trackLinks(html: string, redirect: string): string {
  return html.replace(
    /href="(https?:\/\/[^"]+)"/g,
    (_match, url: string) => `href="${redirect}${encodeURIComponent(url.replaceAll('&amp;', '&'))}"`,
  );
}
