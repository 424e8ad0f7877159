import { safeHref } from './model/safe-href.js';
import type { Block, Field, Inline, PolicyDocument, Section } from './model/types.js';

/**
 * Escapes text for GitHub-flavoured Markdown inline content: markup characters,
 * table pipes, HTML angle brackets, entities and math dollars are backslash-escaped,
 * and whitespace runs (including newlines) collapse to one space.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[\\`*_[\]<>|~&$]/g, (char) => `\\${char}`);
}

/** Escapes what would start a block (heading, quote, list, setext underline) at a line start. */
function escapeLineStart(line: string): string {
  if (/^[#>+=-]/.test(line)) return `\\${line}`;
  return line.replace(/^(\d+)([.)])/, '$1\\$2');
}

function span(part: Inline): string {
  if (typeof part === 'string') return escapeMarkdown(part);
  const text = part.text.replace(/\s+/g, ' ').trim();
  let md = part.code && !/[`|]/.test(text) && text !== '' ? `\`${text}\`` : escapeMarkdown(text);
  if (part.strong && text !== '') md = `**${md}**`;
  const href = safeHref(part.href);
  if (href === undefined) return md;
  return `[${md}](<${href.replace(/\|/g, '%7C')}>)`;
}

function inline(parts: Inline[]): string {
  const first = parts[0];
  const rest = parts.slice(1).map(span).join('');
  const head =
    first === undefined ? '' : typeof first === 'string' ? escapeLineStart(span(first)) : span(first);
  return `${head}${rest}`.trim();
}

function cell(parts: Inline[]): string {
  return parts.map(span).join('').trim();
}

function fieldLines(items: Field[], separator: string): string[] {
  return items.map(
    (item) => `- **${escapeMarkdown(`${item.label}${separator.trim()}`)}** ${cell(item.value)}`,
  );
}

function block(value: Block, separator: string): string[] {
  switch (value.kind) {
    case 'paragraph':
      return [inline(value.content)];
    case 'list':
      return [value.items.map((item) => `- ${inline(item)}`).join('\n')];
    case 'fields':
      return value.items.length === 0 ? [] : [fieldLines(value.items, separator).join('\n')];
    case 'table': {
      const head = `| ${value.head.map(escapeMarkdown).join(' | ')} |`;
      const rule = `| ${value.head.map(() => '---').join(' | ')} |`;
      const rows = value.rows.map((row) => `| ${row.map(cell).join(' | ')} |`);
      return [`*${escapeMarkdown(value.caption)}*`, [head, rule, ...rows].join('\n')];
    }
  }
}

/** Slugs the way GitHub anchors headings, counting repeats across the document. */
function createSlugger(): (heading: string) => string {
  const seen = new Map<string, number>();
  return (heading) => {
    const base = heading
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replace(/ /g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    return count === 0 ? base : `${base}-${count}`;
  };
}

function sectionMarkdown(value: Section, level: number, separator: string): string[] {
  return [
    `${'#'.repeat(level)} ${escapeMarkdown(value.title)}`,
    ...value.blocks.flatMap((b) => block(b, separator)),
    ...value.subsections.flatMap((sub) => sectionMarkdown(sub, Math.min(level + 1, 6), separator)),
  ];
}

function headingsInOrder(sections: Section[], out: Section[] = []): Section[] {
  for (const s of sections) {
    out.push(s);
    headingsInOrder(s.subsections, out);
  }
  return out;
}

/**
 * Writes a policy document as GitHub-flavoured Markdown with a linked table of
 * contents; anchors follow GitHub's heading slugs.
 */
export function writeMarkdown(doc: PolicyDocument): string {
  const slug = createSlugger();
  slug(doc.title);
  slug(doc.contentsTitle);
  const anchors = new Map<Section, string>();
  for (const s of headingsInOrder(doc.sections)) anchors.set(s, slug(s.title));
  const toc = doc.sections.map(
    (s, index) => `${index + 1}. [${escapeMarkdown(s.title)}](#${anchors.get(s) ?? s.id})`,
  );
  const parts = [
    `# ${escapeMarkdown(doc.title)}`,
    ...(doc.meta.length > 0 ? [fieldLines(doc.meta, doc.labelSeparator).join('\n')] : []),
    `## ${escapeMarkdown(doc.contentsTitle)}`,
    toc.join('\n'),
    ...doc.sections.flatMap((s) => sectionMarkdown(s, 2, doc.labelSeparator)),
  ];
  return `${parts.filter((part) => part !== '').join('\n\n')}\n`;
}
