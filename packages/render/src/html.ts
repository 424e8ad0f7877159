import { DESIGN_CSS } from './design/tokens.js';
import { safeHref } from './model/safe-href.js';
import type { Block, Field, Inline, PolicyDocument, Section } from './model/types.js';

const STYLE = `${DESIGN_CSS}nav ol{padding-left:1.5rem}`;

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
        // A group, not a region: a section titled like its table would make two landmarks of one name.
        `<div class="scroll" role="group" aria-label="${label}" tabindex="0">`,
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
    ...contents(doc),
    '<main>',
    ...doc.sections.flatMap((s) => sectionHtml(s, 2)),
    '</main>',
    '</body>',
    '</html>',
  ];
  return `${lines.join('\n')}\n`;
}

function contents(doc: PolicyDocument): string[] {
  return [
    '<nav aria-labelledby="contents">',
    `<h2 id="contents">${escapeHtml(doc.contentsTitle)}</h2>`,
    '<ol>',
    ...doc.sections.map((s) => `<li><a href="#${escapeHtml(s.id)}">${escapeHtml(s.title)}</a></li>`),
    '</ol>',
    '</nav>',
  ];
}

/**
 * Writes a policy document's content for a page that has its own frame (the privacy center):
 * the details under the title, the table of contents and the sections, without the title.
 */
export function writeHtmlContent(doc: PolicyDocument): string {
  return [
    ...(doc.meta.length > 0 ? fieldList(doc.meta) : []),
    ...contents(doc),
    ...doc.sections.flatMap((s) => sectionHtml(s, 2)),
  ].join('\n');
}
