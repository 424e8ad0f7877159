import { type Manifest, ManifestSchema, PROMISE_FIELDS } from '@pledge/core';
import { describe, expect, it } from 'vitest';
import { en } from '../src/i18n/en.js';
import type { MessageKey } from '../src/i18n/index.js';
import { zhCN } from '../src/i18n/zh-CN.js';
import { renderPolicy } from '../src/index.js';
import { FULL_YAML, htmlText, manifestFrom, markdownText } from './fixture.js';

/**
 * Silence is silence: for every promise-like field (core's PROMISE_FIELDS), a manifest that
 * leaves the field out renders a policy that says nothing about it, in both languages and both
 * formats; the same manifest with the field stated does say it, which shows each probe can see.
 */

type Draft = Record<string, unknown> & Manifest;

/** Where a field's words can appear: anywhere in the text, or only in table cells. */
interface Probe {
  /** Messages that state the field one way or the other (found when all their literal parts are). */
  keys: MessageKey[];
  /** Only the cells of the table column with this heading (values such as "Yes" recur elsewhere). */
  column?: MessageKey;
  /** Another heading the column's table has, where the column's own heading recurs in zh-CN. */
  within?: MessageKey;
}

interface SilenceCase extends Probe {
  path: (typeof PROMISE_FIELDS)[number]['path'];
  /** Leaves the field out everywhere it occurs. */
  omit(m: Draft): void;
  /** States the field, so the probe has something to find. */
  state(m: Draft): void;
}

const each = <T>(list: T[], fn: (item: T) => void) => {
  for (const item of list) fn(item);
};

const CASES: SilenceCase[] = [
  {
    path: 'signals.globalPrivacyControl',
    keys: ['signals.gpc.yes', 'signals.gpc.no'],
    omit: (m) => delete (m.signals as Partial<Manifest['signals']>).globalPrivacyControl,
    state: (m) => Object.assign(m.signals, { globalPrivacyControl: false }),
  },
  {
    path: 'signals.doNotTrack',
    keys: ['signals.dnt.yes', 'signals.dnt.no'],
    omit: (m) => delete (m.signals as Partial<Manifest['signals']>).doNotTrack,
    state: (m) => Object.assign(m.signals, { doNotTrack: false }),
  },
  {
    path: 'signals.showsSignalStatus',
    keys: ['california.signalDisplay'],
    omit: (m) => delete (m.signals as Partial<Manifest['signals']>).showsSignalStatus,
    state: (m) => Object.assign(m.signals, { showsSignalStatus: true }),
  },
  {
    path: 'trackers[].essential',
    keys: ['common.yes', 'common.no'],
    column: 'cookies.col.essential',
    omit: (m) => each(m.trackers, (t) => delete t.essential),
    state: (m) => each(m.trackers, (t) => Object.assign(t, { essential: false })),
  },
  {
    path: 'purposes[].sale',
    // With targeted advertising stated false, only `sale` could make the policy speak of selling.
    keys: ['purposes.saleValue', 'california.saleYes', 'california.saleNo'],
    omit: (m) =>
      each(m.purposes, (p) => {
        delete p.sale;
        p.targetedAdvertising = false;
      }),
    state: (m) => each(m.purposes, (p) => Object.assign(p, { sale: true })),
  },
  {
    path: 'purposes[].targetedAdvertising',
    keys: ['purposes.targetedValue', 'california.saleYes', 'california.saleNo'],
    omit: (m) =>
      each(m.purposes, (p) => {
        delete p.targetedAdvertising;
        p.sale = false;
      }),
    state: (m) => each(m.purposes, (p) => Object.assign(p, { targetedAdvertising: true })),
  },
  {
    path: 'categories[].required',
    keys: ['collection.required', 'collection.optional'],
    column: 'collection.col.required',
    omit: (m) => each(m.categories, (c) => delete c.required),
    state: (m) => each(m.categories, (c) => Object.assign(c, { required: false })),
  },
  {
    path: 'permissions[].required',
    keys: ['common.yes', 'common.no'],
    column: 'permissions.col.required',
    within: 'permissions.col.permission',
    omit: (m) => each(m.permissions, (p) => delete p.required),
    state: (m) => each(m.permissions, (p) => Object.assign(p, { required: false })),
  },
  {
    path: 'retention.rules[].action',
    keys: ['retentionAction.delete', 'retentionAction.anonymise', 'retentionAction.restrict'],
    column: 'retention.col.action',
    omit: (m) => each(m.retention.rules, (r) => delete r.action),
    state: (m) => each(m.retention.rules, (r) => Object.assign(r, { action: ['delete', 'anonymise'] })),
  },
  {
    path: 'minors.ageVerification',
    keys: [
      'children.verification.none',
      'children.verification.self-declared',
      'children.verification.verified',
    ],
    omit: (m) => delete m.minors.ageVerification,
    state: (m) => Object.assign(m.minors, { ageVerification: 'none' }),
  },
  {
    path: 'breach.notifySubjects',
    keys: ['breach.subjects', 'breach.noSubjects'],
    omit: (m) => delete m.breach?.notifySubjects,
    state: (m) => Object.assign(m.breach ?? {}, { notifySubjects: true }),
  },
  {
    path: 'breach.notifyAuthority',
    keys: ['breach.authority'],
    omit: (m) => delete m.breach?.notifyAuthority,
    state: (m) => Object.assign(m.breach ?? {}, { notifyAuthority: true }),
  },
  {
    path: 'rights[].deadline.clockStart',
    keys: ['clock.receipt', 'clock.verification', 'clock.later-of-receipt-and-verification'],
    omit: (m) => each(m.rights, (r) => delete r.deadline?.clockStart),
    state: (m) => each(m.rights, (r) => Object.assign(r.deadline ?? {}, { clockStart: 'receipt' })),
  },
  {
    path: 'rights[].deadline.kind',
    keys: ['deadline.reply', 'deadline.completion', 'deadline.replyFrom', 'deadline.completionFrom'],
    omit: (m) => each(m.rights, (r) => delete r.deadline?.kind),
    state: (m) => each(m.rights, (r) => Object.assign(r.deadline ?? {}, { kind: 'reply' })),
  },
  {
    path: 'policy.changes.advanceNotice',
    keys: ['changes.notice', 'changes.noNotice', 'changes.noticeValue'],
    omit: (m) => delete m.policy.changes.advanceNotice,
    state: (m) => Object.assign(m.policy.changes, { advanceNotice: 'none' }),
  },
];

const TABLES = { en, 'zh-CN': zhCN } as const;

/** The literal parts of a message, around its placeholders. */
function literals(message: string): string[] {
  return message
    .split(/\{[^}]*\}/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** Whether a message appears in a text: every literal part of it does. */
function appears(message: string, text: string): boolean {
  return literals(message).every((part) => text.includes(part));
}

/** The cells under the column headed `heading` in every table, from rows of cell texts. */
function columnOf(tables: string[][][], heading: string, within?: string): string[] {
  return tables.flatMap(([head = [], ...rows]) => {
    const index = head.indexOf(heading);
    if (within !== undefined && !head.includes(within)) return [];
    return index === -1 ? [] : rows.map((row) => row[index] ?? '');
  });
}

/** Tables of a Markdown text, each as rows of visible cell texts (header first). */
function mdTables(md: string): string[][][] {
  const tables: string[][][] = [];
  let current: string[][] | undefined;
  for (const line of md.split('\n')) {
    if (!line.startsWith('|')) {
      current = undefined;
      continue;
    }
    const cells = markdownText(line)
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.trim());
    if (cells.every((cell) => /^:?-+:?$/.test(cell))) continue;
    if (!current) {
      current = [];
      tables.push(current);
    }
    current.push(cells);
  }
  return tables;
}

/** Tables of an HTML page, each as rows of visible cell texts (header first). */
function htmlTables(html: string): string[][][] {
  return [...html.matchAll(/<table[\s\S]*?<\/table>/g)].map((table) =>
    [...table[0].matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
      [...(row[1] ?? '').matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((cell) =>
        htmlText(cell[1] ?? '').trim(),
      ),
    ),
  );
}

/** The probe's words found in a manifest's rendering, over both languages and formats. */
function found(manifest: Manifest, probe: Probe): string[] {
  const hits: string[] = [];
  for (const lang of ['en', 'zh-CN'] as const) {
    const md = renderPolicy(manifest, { format: 'md', lang });
    const html = renderPolicy(manifest, { format: 'html', lang });
    const messages = probe.keys.map((key) => TABLES[lang][key]);
    if (probe.column) {
      const heading = TABLES[lang][probe.column];
      const within = probe.within && TABLES[lang][probe.within];
      const cells = [
        ...columnOf(mdTables(md), heading, within),
        ...columnOf(htmlTables(html), heading, within),
      ];
      hits.push(
        ...messages.filter((w) => cells.some((cell) => appears(w, cell))).map((w) => `${lang}: ${w}`),
      );
    } else {
      const text = `${markdownText(md)}\n${htmlText(html)}`;
      hits.push(...messages.filter((w) => appears(w, text)).map((w) => `${lang}: ${w}`));
    }
  }
  return hits;
}

/** The fixture with one edit, validated again. */
function variant(edit: (m: Draft) => void): Manifest {
  const draft = structuredClone(manifestFrom(FULL_YAML)) as Draft;
  edit(draft);
  return ManifestSchema.parse(draft);
}

describe('silence is silence: a promise-like field left out renders nothing', () => {
  it('covers every promise-like field', () => {
    expect(CASES.map((c) => c.path).sort()).toEqual(PROMISE_FIELDS.map((f) => f.path).sort());
  });

  describe.each(CASES.map((c) => [c.path, c] as const))('%s', (_path, c) => {
    it('left out: neither the promise nor its opposite is stated (en, zh-CN; HTML, Markdown)', () => {
      expect(found(variant(c.omit), c)).toEqual([]);
    });

    it('stated: the policy says it', () => {
      expect(found(variant(c.state), c).length).toBeGreaterThan(0);
    });
  });
});
