import { baseYaml } from '@pledge/testing/manifests';
import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../src/manifest/load.js';

const FILE = 'shop/pledge.yaml';

/** Replaces the first occurrence of `from` in the base YAML, failing loudly if it is absent. */
function baseWith(from: string, to: string): string {
  const text = baseYaml();
  if (!text.includes(from)) throw new Error(`fixture has no ${JSON.stringify(from)}`);
  return text.replace(from, to);
}

/** 1-based line and column of the first occurrence of `needle` in `text`. */
function positionOf(text: string, needle: string): { line: number; column: number } {
  const offset = text.indexOf(needle);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

describe('parseManifest', () => {
  it('accepts the base manifest and applies defaults', () => {
    const result = parseManifest(baseYaml(), { file: FILE });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.issues).toEqual([]);
    expect(result.manifest.purposes[0]?.legalBasis).toEqual({ default: 'contract' });
    expect(result.manifest.recipients[0]?.consentRequired).toBe(false);
    expect(result.manifest.policy.defaultLanguage).toBe('en');
  });

  it('reports a YAML syntax error with file, line and column', () => {
    const text = 'pledge: 1\npolicy:\n  id: [unclosed\n';
    const result = parseManifest(text, { file: FILE });
    expect(result.ok).toBe(false);
    expect(result.issues.length).toBeGreaterThan(0);
    expect(result.issues[0]).toMatchObject({
      code: 'manifest.yaml-syntax',
      severity: 'error',
      file: FILE,
      path: '(root)',
    });
    expect(result.issues[0]?.line).toBeGreaterThanOrEqual(3);
    expect(result.issues[0]?.column).toBeGreaterThan(0);
  });

  it('reports a duplicate key as a YAML error', () => {
    const result = parseManifest('pledge: 1\npledge: 1\n', { file: FILE });
    expect(result.issues).toMatchObject([{ code: 'manifest.yaml-syntax', line: 2 }]);
  });

  it('reports an unknown key at the object that holds it, naming the key', () => {
    const text = baseWith('  version: 1.0.0\n', '  version: 1.0.0\n  colour: blue\n');
    const result = parseManifest(text, { file: FILE });
    expect(result.ok).toBe(false);
    expect(result.issues).toEqual([
      expect.objectContaining({ code: 'schema.unrecognized_keys', path: 'policy', file: FILE }),
    ]);
    expect(result.issues[0]?.message).toContain('colour');
    expect(result.issues[0]?.line).toBe(positionOf(text, '  id: example-shop').line);
  });

  it('reports a wrong type at the offending value, with its schema path', () => {
    const text = baseWith('    legalBasis: contract\n', '    legalBasis: 42\n');
    const result = parseManifest(text, { file: FILE });
    expect(result.ok).toBe(false);
    const issue = result.issues.find((i) => i.path.startsWith('purposes[0].legalBasis'));
    expect(issue).toMatchObject({ code: 'schema.invalid_union', file: FILE, ...positionOf(text, '42') });
  });

  it('reports a bad enum value and a bad duration where they are', () => {
    const text = baseWith('unit: days', 'unit: fortnights').replace('amount: 10', 'amount: -1');
    const result = parseManifest(text, { file: FILE });
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => [i.code, i.path])).toEqual([
      ['schema.invalid_value', 'retention.rules[0].duration.unit'],
      ['schema.too_small', 'retention.rules[1].duration.amount'],
    ]);
    expect(result.issues[0]).toMatchObject(positionOf(text, 'fortnights'));
  });

  it('reports a missing required key where its parent is', () => {
    const text = baseWith('  version: 1.0.0\n', '');
    const result = parseManifest(text, { file: FILE });
    expect(result.issues).toEqual([
      expect.objectContaining({
        code: 'schema.invalid_type',
        path: 'policy.version',
        line: positionOf(text, '  id:').line,
      }),
    ]);
  });

  it('rejects an empty document, a scalar and a list without throwing', () => {
    for (const text of ['', 'just text', '- a\n- b\n', 'null']) {
      const result = parseManifest(text, { file: FILE });
      expect(result.ok).toBe(false);
      expect(result.issues.length).toBeGreaterThan(0);
      expect(result.issues.every((i) => i.code && i.path)).toBe(true);
    }
  });

  it('rejects text that is not a string or is too large', () => {
    expect(parseManifest(42 as unknown as string).issues[0]?.code).toBe('manifest.not-text');
    expect(parseManifest('#'.repeat(6 * 1024 * 1024)).issues[0]?.code).toBe('manifest.too-large');
  });

  it('stops alias bombs', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 12; i++)
      bomb.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(', ')}]`,
      );
    const result = parseManifest(bomb.join('\n'), { file: FILE });
    expect(result.ok).toBe(false);
    expect(result.issues[0]?.code).toMatch(/^manifest\./);
  });
});
