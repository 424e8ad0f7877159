import { baseYaml, exampleManifests } from '@pledge/testing/manifests';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { type LoadResult, parseManifest } from '../../src/manifest/load.js';

/** The sources to mutate: a built-in valid manifest, plus whichever examples exist and parse as YAML. */
const sources = [{ name: 'base', text: baseYaml() }, ...exampleManifests()].filter(({ text }) => {
  try {
    return typeof parse(text) === 'object';
  } catch {
    return false;
  }
});

/** Runs per property for a small manifest; set PLEDGE_FUZZ_RUNS for a longer soak. */
const RUNS = Number(process.env.PLEDGE_FUZZ_RUNS ?? 60);

/** Large examples take ~50 ms a parse, so they get fewer runs (at least 10) unless a soak is asked for. */
function runsFor(text: string): number {
  if (process.env.PLEDGE_FUZZ_RUNS) return RUNS;
  return Math.max(10, Math.round(RUNS * Math.min(1, 10_000 / text.length)));
}

/** The property: never throws, and the result is a manifest or at least one well-formed issue. */
function checkResult(text: string): void {
  let result: LoadResult | undefined;
  expect(() => {
    result = parseManifest(text, { file: 'fuzz.yaml' });
  }).not.toThrow();
  if (!result) throw new Error('no result');
  if (result.ok) {
    expect(typeof result.manifest).toBe('object');
    expect(result.manifest.pledge).toBe(1);
    return;
  }
  expect(result.issues.length).toBeGreaterThan(0);
  for (const issue of result.issues) {
    expect(issue.code).toMatch(/^(manifest|schema)\.[a-z_-]+$/);
    expect(typeof issue.path).toBe('string');
    expect(issue.path.length).toBeGreaterThan(0);
    expect(issue.severity).toBe('error');
    expect(issue.file).toBe('fuzz.yaml');
    if (issue.line !== undefined) expect(issue.line).toBeGreaterThan(0);
    if (issue.column !== undefined) expect(issue.column).toBeGreaterThan(0);
  }
}

type Json = unknown;

/** Every path to a value in a parsed document (objects and arrays), root excluded. */
function paths(value: Json, prefix: Array<string | number> = []): Array<Array<string | number>> {
  if (Array.isArray(value)) {
    return value.flatMap((item, i) => [[...prefix, i], ...paths(item, [...prefix, i])]);
  }
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => [[...prefix, k], ...paths(v, [...prefix, k])]);
  }
  return [];
}

function parentOf(
  root: Json,
  path: ReadonlyArray<string | number>,
): Record<string | number, Json> | undefined {
  let node = root as Record<string | number, Json> | undefined;
  for (const key of path.slice(0, -1)) {
    if (!node || typeof node !== 'object') return undefined;
    node = node[key] as Record<string | number, Json> | undefined;
  }
  return node && typeof node === 'object' ? node : undefined;
}

const junk = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('__proto__', 'constructor', '', ' ', '\u0000', '{{', '- -', 'yes', '1e999', '0x1F', '~'),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }),
);

/** A structural edit: delete a key, replace a value with junk, or add a junk key. */
const structuralEdit = fc.record({
  op: fc.constantFrom('delete', 'replace', 'add-key'),
  at: fc.nat(),
  key: fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'id', 'default')),
  value: junk,
});

type StructuralEdit = typeof structuralEdit extends fc.Arbitrary<infer T> ? T : never;
type TextEdit = typeof textEdit extends fc.Arbitrary<infer T> ? T : never;

/** Applies edits to a copy of `doc`; paths are those of the original, and an edit whose path is gone is skipped. */
function applyEdits(
  doc: Json,
  all: ReadonlyArray<Array<string | number>>,
  edits: ReadonlyArray<StructuralEdit>,
): string {
  const copy = structuredClone(doc);
  for (const edit of edits) {
    const path = all[edit.at % all.length]!;
    const parent = parentOf(copy, path);
    const last = path.at(-1)!;
    if (!parent) continue;
    if (edit.op === 'delete') {
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else delete parent[last];
    } else if (edit.op === 'replace') {
      parent[last] = edit.value;
    } else {
      const target = parent[last];
      if (target && typeof target === 'object' && !Array.isArray(target)) {
        // defineProperty, so that a `__proto__` key becomes an own key as YAML would make it.
        Object.defineProperty(target, edit.key, {
          value: edit.value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
    }
  }
  return stringify(copy);
}

/** A textual edit: truncate, insert random bytes, duplicate, delete or re-indent a line. */
const textEdit = fc.oneof(
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    op: fc.constant('bytes' as const),
    at: fc.nat(),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 24 }),
  }),
  fc.record({ op: fc.constant('duplicate-line' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('delete-line' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('indent' as const), at: fc.nat(), by: fc.integer({ min: -4, max: 4 }) }),
);

function applyTextEdit(text: string, edit: TextEdit): string {
  const at = edit.at % Math.max(text.length, 1);
  const lines = text.split('\n');
  const line = edit.at % lines.length;
  switch (edit.op) {
    case 'truncate':
      return text.slice(0, at);
    case 'bytes':
      return text.slice(0, at) + Buffer.from(edit.bytes).toString('latin1') + text.slice(at);
    case 'duplicate-line':
      lines.splice(line, 0, lines[line]!);
      return lines.join('\n');
    case 'delete-line':
      lines.splice(line, 1);
      return lines.join('\n');
    case 'indent': {
      const current = lines[line]!;
      lines[line] =
        edit.by >= 0 ? ' '.repeat(edit.by) + current : current.replace(new RegExp(`^ {0,${-edit.by}}`), '');
      return lines.join('\n');
    }
  }
}

describe('parseManifest under random mutation', () => {
  it('has sources to mutate', () => {
    expect(sources.map((s) => s.name)).toContain('base');
  });

  describe.each(sources)('$name', ({ text }) => {
    const numRuns = runsFor(text);
    it('accepts the unmutated text', () => {
      checkResult(text);
    });

    it('never throws on structural edits (deleted keys, changed types, junk, unknown keys)', () => {
      const doc = parse(text) as Json;
      const all = paths(doc);
      fc.assert(
        fc.property(fc.array(structuralEdit, { minLength: 1, maxLength: 4 }), (edits) => {
          checkResult(applyEdits(doc, all, edits));
        }),
        { numRuns },
      );
      expect(Object.prototype).not.toHaveProperty('polluted');
      expect(({} as Record<string, unknown>).id).toBeUndefined();
    });

    it('never throws on textual edits (truncation, random bytes, duplicate keys, indentation)', () => {
      fc.assert(
        fc.property(fc.array(textEdit, { minLength: 1, maxLength: 3 }), (edits) => {
          checkResult(edits.reduce((acc, edit) => applyTextEdit(acc, edit), text));
        }),
        { numRuns },
      );
    });
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => checkResult(text)),
      { numRuns: RUNS * 3 },
    );
  });
});
