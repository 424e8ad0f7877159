import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JurisdictionKey, parseManifest } from '@pledge/core';
import { lintManifest } from '@pledge/lint';
import { describe, expect, it } from 'vitest';
import { parseJurisdictions } from '../src/commands/init.js';
import { FILL_IN, policyId, starterManifest } from '../src/starter-manifest.js';
import { runPledge } from './run-pledge.js';

/** Lint codes a fresh starter manifest may report: its placeholders and what follows from them. */
const PLACEHOLDER_CODES = ['controller.placeholder', 'contact.placeholder', 'rights.no-channel'];

const combinations: JurisdictionKey[][] = [
  ...JurisdictionKey.options.map((key) => [key]),
  [...JurisdictionKey.options],
];

function starter(jurisdictions: JurisdictionKey[]): string {
  return starterManifest({ name: 'Acme Shop Ltd', jurisdictions, date: '2026-01-15' });
}

describe('starterManifest', () => {
  it.each(combinations.map((c) => [c.join(',')]))(
    'for %s validates and lints with placeholder errors only',
    (list) => {
      const result = parseManifest(starter(list.split(',') as JurisdictionKey[]));
      if (!result.ok) throw new Error(result.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
      const errors = lintManifest(result.manifest).filter((issue) => issue.severity === 'error');
      expect(errors.map((e) => e.code).filter((code) => !PLACEHOLDER_CODES.includes(code))).toEqual([]);
      expect(errors.every((e) => e.message.includes('placeholder'))).toBe(true);
    },
  );

  it('marks every placeholder lint reports with a FILL IN comment just above it', () => {
    const text = starter(['eu-gdpr']);
    const lines = text.split('\n');
    for (const placeholder of ['address: "[registered address]"', 'value: privacy@example.com']) {
      const at = lines.findIndex((line) => line.includes(placeholder));
      expect(at, placeholder).toBeGreaterThan(0);
      expect(lines[at - 1]).toContain(`# ${FILL_IN}:`);
    }
  });

  it('lints without errors once the placeholders are filled in', () => {
    const filled = starter([...JurisdictionKey.options])
      .replace('"[registered address]"', '1 Main Street, Dublin')
      .replace('privacy@example.com', 'privacy@acme-shop.eu');
    const result = parseManifest(filled);
    if (!result.ok) throw new Error('filled starter is invalid');
    expect(lintManifest(result.manifest).filter((issue) => issue.severity === 'error')).toEqual([]);
  });

  it('derives the policy id from the name and quotes the name', () => {
    expect(policyId('Acme Shop Ltd.')).toBe('acme-shop-ltd');
    expect(policyId('艾克米')).toBe('privacy-policy');
    const result = parseManifest(
      starterManifest({ name: 'O\'Brien & "Sons": #1', jurisdictions: ['eu-gdpr'], date: '2026-01-15' }),
    );
    expect(result.ok && result.manifest.controller.name).toBe('O\'Brien & "Sons": #1');
  });
});

describe('parseJurisdictions', () => {
  it('accepts a comma-separated list and suggests a close key for a typo', () => {
    expect(parseJurisdictions('eu-gdpr, cn-pipl,eu-gdpr')).toEqual({
      ok: true,
      keys: ['eu-gdpr', 'cn-pipl'],
    });
    const bad = parseJurisdictions('eu-gpdr');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.message).toContain('Did you mean "eu-gdpr"?');
    expect(parseJurisdictions(' , ').ok).toBe(false);
  });
});

describe('pledge init', () => {
  it('writes a manifest that pledge validate accepts, and keeps an existing file', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'pledge-init-')), 'pledge.yaml');
    const run = await runPledge([
      'init',
      '--name',
      'Acme Shop Ltd',
      '--jurisdictions',
      'eu-gdpr,cn-pipl',
      '--out',
      out,
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`wrote ${out}`);
    expect(readFileSync(out, 'utf8')).toContain('jurisdictions: [eu-gdpr, cn-pipl]');
    const validate = await runPledge(['validate', out]);
    expect(validate).toMatchObject({ code: 0, stderr: '' });

    writeFileSync(out, 'mine\n');
    const again = await runPledge(['init', '--name', 'Acme Shop Ltd', '--out', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists');
    expect(readFileSync(out, 'utf8')).toBe('mine\n');
  });

  it('prints to stdout without --out; a bad jurisdiction or a missing name is a usage error', async () => {
    const stdout = await runPledge(['init', '--name', 'Acme']);
    expect(stdout.code).toBe(0);
    expect(stdout.stdout).toContain('name: "Acme"');
    const bad = await runPledge(['init', '--name', 'Acme', '--jurisdictions', 'eu-gpdr']);
    expect(bad).toMatchObject({ code: 2, stdout: '' });
    expect(bad.stderr).toContain('Did you mean "eu-gdpr"?');
    expect((await runPledge(['init'])).code).toBe(2);
  });
});
