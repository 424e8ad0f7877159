import type { Language, Manifest } from '@pledge/core';

/** Sections of the privacy center, for its navigation. */
export const CENTER_SECTIONS = ['overview', 'policy', 'consent', 'requests'] as const;
/** One of {@link CENTER_SECTIONS}. */
export type CenterSection = (typeof CENTER_SECTIONS)[number];

/** What every privacy center page is drawn from. */
export interface CenterPageInput {
  /** The policy in force. */
  readonly manifest: Manifest;
  /** The page's language (negotiated by the server). */
  readonly lang: Language;
  /** The page's path without its query, for the language links. */
  readonly path: string;
  /** The visitor's form token, written into every form. */
  readonly csrfToken: string;
  /** Who the visitor is identified as, or undefined. */
  readonly identified?: string;
}

/** A message shown above a page's content. */
export interface CenterNotice {
  readonly tone: 'ok' | 'warn' | 'danger';
  readonly text: string;
}
