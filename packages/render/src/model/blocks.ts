import type { Block, Field, Inline, Section } from './types.js';

/** A paragraph block. */
export function paragraph(...content: Inline[]): Block {
  return { kind: 'paragraph', content };
}

/** A bulleted list; each item is inline content. */
export function list(items: Inline[][]): Block {
  return { kind: 'list', items };
}

/** A label/value list; fields without a value are dropped. */
export function fields(items: Array<Field | undefined>): Block {
  return { kind: 'fields', items: items.filter((item): item is Field => item !== undefined) };
}

/** A table whose first column names the row. */
export function table(caption: string, head: string[], rows: Inline[][][]): Block {
  return { kind: 'table', caption, head, rows, rowHeaders: true };
}

/** A section; `undefined` blocks are skipped so builders can add them conditionally. */
export function section(
  id: string,
  title: string,
  blocks: Array<Block | undefined>,
  subsections: Section[] = [],
): Section {
  return { id, title, blocks: blocks.filter((block): block is Block => block !== undefined), subsections };
}

/** A link span. */
export function link(text: string, href: string): Inline {
  return { text, href };
}

/** A code span (technical identifiers). */
export function code(text: string): Inline {
  return { text, code: true };
}

/** A strong span. */
export function strong(text: string): Inline {
  return { text, strong: true };
}

/** Joins inline parts with a separator string. */
export function joinInline(parts: Inline[][], separator: string): Inline[] {
  const out: Inline[] = [];
  parts.forEach((part, index) => {
    if (index > 0) out.push(separator);
    out.push(...part);
  });
  return out;
}
