import { baseYaml } from '@pledge/testing/manifests';
import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../src/manifest/load.js';

function issuesOf(edit: (text: string) => string) {
  const text = baseYaml();
  const changed = edit(text);
  if (changed === text) throw new Error('the edit changed nothing');
  const result = parseManifest(changed, { file: 'pledge.yaml' });
  expect(result.ok).toBe(false);
  return result.issues;
}

describe('schema issue messages', () => {
  it('a bad enum value names the allowed values and the closest one', () => {
    const [issue] = issuesOf((t) => t.replace('unit: days', 'unit: dayz'));
    expect(issue).toMatchObject({ code: 'schema.invalid_value', path: 'retention.rules[0].duration.unit' });
    expect(issue?.message).toBe(
      'expected one of hours, days, working-days, business-days, weeks, months, years; got a string. Did you mean "days"?',
    );
  });

  it('a value matching no shape of a union names every shape instead of "Invalid input"', () => {
    const [issue] = issuesOf((t) => t.replace('legalBasis: contract', 'legalBasis: 42'));
    expect(issue).toMatchObject({ code: 'schema.invalid_union', path: 'purposes[0].legalBasis' });
    expect(issue?.message).not.toContain('Invalid input');
    expect(issue?.message).toContain('expected one of consent, contract, legal-obligation');
    expect(issue?.message).toContain('or an object with keys default, eu-gdpr');
    expect(issue?.message).toContain('got a number');
  });

  it('a misspelt legal basis gets a suggestion', () => {
    const [issue] = issuesOf((t) => t.replace('legalBasis: contract', 'legalBasis: contrat'));
    expect(issue?.message).toContain('Did you mean "contract"?');
  });

  it('a per-jurisdiction object with a bad value is reported inside the object', () => {
    const [issue] = issuesOf((t) =>
      t.replace('legalBasis: contract', 'legalBasis: { default: contract, eu-gdpr: consnet }'),
    );
    expect(issue).toMatchObject({ code: 'schema.invalid_value', path: 'purposes[0].legalBasis.eu-gdpr' });
    expect(issue?.message).toContain('Did you mean "consent"?');
  });

  it('text of the wrong type says text or an object per language', () => {
    const [issue] = issuesOf((t) => t.replace('name: Example Shop GmbH', 'name: 42'));
    expect(issue).toMatchObject({ code: 'schema.invalid_union', path: 'controller.name' });
    expect(issue?.message).toBe('expected text, or an object with keys en, zh-CN; got a number');
  });

  it('an unknown key is named with the closest allowed key', () => {
    const [issue] = issuesOf((t) => t.replace('  version: 1.0.0\n', '  version: 1.0.0\n  titel: x\n'));
    expect(issue).toMatchObject({ code: 'schema.unrecognized_keys', path: 'policy' });
    expect(issue?.message).toContain('unknown key "titel" (did you mean "title"?)');
  });

  it('a wrong or missing type says what is expected', () => {
    const [wrong] = issuesOf((t) => t.replace('version: 1.0.0', 'version: [1]'));
    expect(wrong).toMatchObject({ code: 'schema.invalid_type', message: 'expected text; got a list' });
    const [missing] = issuesOf((t) => t.replace('  version: 1.0.0\n', ''));
    expect(missing).toMatchObject({ code: 'schema.invalid_type', message: 'missing; expected text' });
  });

  it('quotes at most a short piece of a wrong value', () => {
    const [issue] = issuesOf((t) => t.replace('unit: days', `unit: ${'x'.repeat(200)}`));
    expect(issue?.message.length).toBeLessThan(200);
  });
});
