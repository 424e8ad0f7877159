import { safeHref } from './model/safe-href.js';
import type { Block, Field, Inline, PolicyDocument, Section } from './model/types.js';

const STYLE = [
  'body{font-family:system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei",sans-serif;',
  'line-height:1.6;max-width:60rem;margin:0 auto;padding:1rem 1.5rem;color:#1a1a1a;background:#fff}',
  'h1,h2,h3{line-height:1.3}a{color:#0b57d0}code{font-size:.9em;background:#f2f2f2;padding:0 .2em}',
  '.scroll{overflow-x:auto}table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}',
  'caption{text-align:left;font-weight:600;padding:.25rem 0}',
  'th,td{border:1px solid #c8c8c8;padding:.35rem .5rem;text-align:left;vertical-align:top}',
  'thead th{background:#f0f0f0}dt{font-weight:600}dd{margin:0 0 .5rem 1.25rem}',
  'nav ol{padding-left:1.5rem}tbody th{font-weight:normal}td a,th a{overflow-wrap:anywhere}',
].join('');

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function inline(parts: Inline[]): string {
  return parts
    .map((part) => {
      if (typeof part === 'string') return escapeHtml(part);
      let html = escapeHtml(part.text);
      if (part.code) html = `<code>${html}</code>`;
      if (part.strong) html = `<strong>${html}</strong>`;
      const href = safeHref(part.href);
      return href === undefined ? html : `<a href="${escapeHtml(href)}">${html}</a>`;
    })
    .join('');
}

function fieldList(items: Field[]): string[] {
  const out = ['<dl>'];
  for (const item of items) out.push(`<dt>${escapeHtml(item.label)}</dt><dd>${inline(item.value)}</dd>`);
  out.push('</dl>');
  return out;
}

function block(value: Block): string[] {
  switch (value.kind) {
    case 'paragraph':
      return [`<p>${inline(value.content)}</p>`];
    case 'list':
      return ['<ul>', ...value.items.map((item) => `<li>${inline(item)}</li>`), '</ul>'];
    case 'fields':
      return value.items.length === 0 ? [] : fieldList(value.items);
    case 'table': {
      const head = value.head.map((cell) => `<th scope="col">${escapeHtml(cell)}</th>`).join('');
      const rows = value.rows.map((row) => {
        const cells = row.map((cell, index) =>
          index === 0 && value.rowHeaders
            ? `<th scope="row">${inline(cell)}</th>`
            : `<td>${inline(cell)}</td>`,
        );
        return `<tr>${cells.join('')}</tr>`;
      });
      const label = escapeHtml(value.caption);
      return [
        `<div class="scroll" role="region" aria-label="${label}" tabindex="0">`,
        '<table>',
        `<caption>${label}</caption>`,
        `<thead><tr>${head}</tr></thead>`,
        '<tbody>',
        ...rows,
        '</tbody>',
        '</table>',
        '</div>',
      ];
    }
  }
}

function sectionHtml(value: Section, level: number): string[] {
  const id = escapeHtml(value.id);
  return [
    `<section aria-labelledby="${id}">`,
    `<h${level} id="${id}">${escapeHtml(value.title)}</h${level}>`,
    ...value.blocks.flatMap(block),
    ...value.subsections.flatMap((sub) => sectionHtml(sub, Math.min(level + 1, 6))),
    '</section>',
  ];
}

/**
 * Writes a policy document as a complete, standalone HTML5 page: `lang` on the root,
 * a table of contents, one `<section>` per heading, tables with header scopes and
 * every text value escaped.
 */
export function writeHtml(doc: PolicyDocument): string {
  const lines = [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(doc.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(doc.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>${escapeHtml(doc.title)}</h1>`,
    ...(doc.meta.length > 0 ? fieldList(doc.meta) : []),
    '</header>',
    '<nav aria-labelledby="contents">',
    `<h2 id="contents">${escapeHtml(doc.contentsTitle)}</h2>`,
    '<ol>',
    ...doc.sections.map((s) => `<li><a href="#${escapeHtml(s.id)}">${escapeHtml(s.title)}</a></li>`),
    '</ol>',
    '</nav>',
    '<main>',
    ...doc.sections.flatMap((s) => sectionHtml(s, 2)),
    '</main>',
    '</body>',
    '</html>',
  ];
  return `${lines.join('\n')}\n`;
}
