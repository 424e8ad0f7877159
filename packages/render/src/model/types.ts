import type { Language } from '@pledge/core';

/**
 * A run of inline text. `href` makes it a link (only http(s) and mailto are kept
 * by the writers), `code` marks a technical name such as a permission identifier.
 */
export interface Span {
  text: string;
  href?: string;
  strong?: boolean;
  code?: boolean;
}

/** Inline content: plain strings and spans, in order. */
export type Inline = string | Span;

/** A label and its value, e.g. "Deadline" and "15 days from receipt". */
export interface Field {
  label: string;
  value: Inline[];
}

/** A block of content, independent of the output format. */
export type Block =
  | { kind: 'paragraph'; content: Inline[] }
  | { kind: 'list'; items: Inline[][] }
  | { kind: 'fields'; items: Field[] }
  | {
      kind: 'table';
      caption: string;
      head: string[];
      rows: Inline[][][];
      /** The first cell of each row is the row header (`<th scope="row">`). */
      rowHeaders: boolean;
    };

/** A section with a heading; subsections are one heading level deeper. */
export interface Section {
  /** Stable ASCII id, used as the HTML anchor. */
  id: string;
  title: string;
  blocks: Block[];
  subsections: Section[];
}

/** The whole policy, ready for a writer. */
export interface PolicyDocument {
  lang: Language;
  title: string;
  /** Version and dates shown under the title. */
  meta: Field[];
  /** Heading of the table of contents. */
  contentsTitle: string;
  /** What follows a label in running text: ": " or "：". */
  labelSeparator: string;
  sections: Section[];
}
