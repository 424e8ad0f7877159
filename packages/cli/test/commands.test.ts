import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { exampleFiles } from './examples.js';
import { brokenSyntaxFile, FIXTURES, hasStackTrace, REPO_ROOT, runPledge } from './run-pledge.js';

const examples = exampleFiles();
const tmp = mkdtempSync(join(tmpdir(), 'pledge-cli-'));

describe.concurrent('pledge lint', () => {
  it.each(examples)(
    '%s --format json prints {code, severity, path, message} and exits 1 only on errors',
    async (file) => {
      const run = await runPledge(['lint', file, '--format', 'json']);
      const findings = JSON.parse(run.stdout) as Array<Record<string, unknown>>;
      expect(Array.isArray(findings)).toBe(true);
      for (const finding of findings) {
        expect(finding).toEqual(
          expect.objectContaining({
            code: expect.stringMatching(/^[a-z0-9.-]+$/),
            severity: expect.stringMatching(/^(error|warning|info)$/),
            path: expect.any(String),
            message: expect.any(String),
          }),
        );
      }
      expect(run.code).toBe(findings.some((f) => f.severity === 'error') ? 1 : 0);
    },
  );

  it('text output gives file:line:column path: message (code) and a summary', async () => {
    const file = examples[0] ?? `${FIXTURES}minimal.yaml`;
    const run = await runPledge(['lint', file]);
    expect([0, 1]).toContain(run.code);
    for (const line of run.stdout.trim().split('\n').filter(Boolean)) {
      expect(line).toMatch(/^\S+:\d+:\d+ \S+: .+ \([a-z0-9.-]+\)$/);
    }
    expect(run.stderr).toMatch(/(\d+ errors?, \d+ warnings?, \d+ notes?|no findings)\n$/);
  });

  it('an invalid manifest prints schema issues as JSON too, exit 1', async () => {
    const run = await runPledge(['lint', `${FIXTURES}wrong-types.yaml`, '--format', 'json']);
    expect(run.code).toBe(1);
    const findings = JSON.parse(run.stdout) as Array<{ code: string; line?: number }>;
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.code.startsWith('schema.') && typeof f.line === 'number')).toBe(true);
  });

  it('rejects an unknown --format naming the option (exit 2)', async () => {
    const run = await runPledge(['lint', `${FIXTURES}minimal.yaml`, '--format', 'xml']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("option '--format <format>' argument 'xml' is invalid");
  });
});

describe.concurrent('pledge render', () => {
  it.each(examples)('%s renders Markdown in zh-CN', async (file) => {
    const md = await runPledge(['render', file, '--format', 'md', '--lang', 'zh-CN']);
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^# /);
    expect(md.stdout).toMatch(/[\u4e00-\u9fff]/);
  });

  it('renders HTML in English by default', async () => {
    const html = await runPledge(['render', examples[0] ?? `${FIXTURES}minimal.yaml`]);
    expect(html.code).toBe(0);
    expect(html.stdout.toLowerCase()).toContain('<html');
  });

  it('--out writes the file instead of stdout', async () => {
    const out = join(tmp, 'policy.md');
    const run = await runPledge(['render', `${FIXTURES}minimal.yaml`, '--format', 'md', '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toContain('Minimal');
  });

  it('an unwritable --out or a bad --lang is a usage error', async () => {
    const bad = await runPledge([
      'render',
      `${FIXTURES}minimal.yaml`,
      '--out',
      join(tmp, 'missing-dir', 'x.html'),
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('cannot write');
    const lang = await runPledge(['render', `${FIXTURES}minimal.yaml`, '--lang', 'fr']);
    expect(lang.code).toBe(2);
    expect(lang.stderr).toContain("option '--lang <lang>' argument 'fr' is invalid");
  });
});

/** Writes an edited copy of a manifest: a new consent purpose, and the first right removed. */
function editedCopy(file: string): string {
  const doc = parseDocument(readFileSync(join(REPO_ROOT, file), 'utf8'));
  const purposes = doc.get('purposes', true) as { items: unknown[] };
  const first = doc.getIn(['purposes', 0, 'categories']) as { toJSON(): string[] };
  purposes.items.push(
    doc.createNode({
      id: 'zz-profiling',
      taxonomy: 'marketing.advertising',
      name: 'Profiling',
      categories: first.toJSON(),
      legalBasis: 'consent',
      consent: 'opt-in',
    }),
  );
  const out = join(tmp, `${file.replaceAll('/', '-')}.edited.yaml`);
  writeFileSync(out, doc.toString());
  return out;
}

describe.concurrent('pledge diff', () => {
  it.each(examples)('%s against an edited copy: JSON lists the new consent purpose', async (file) => {
    const run = await runPledge(['diff', file, editedCopy(file), '--format', 'json']);
    expect(run.code).toBe(0);
    const changes = JSON.parse(run.stdout) as Array<Record<string, unknown>>;
    expect(changes).toEqual([
      expect.objectContaining({
        code: 'purpose-added',
        material: true,
        needsConsent: true,
        consentFrom: 'all-subjects',
      }),
    ]);
  });

  it('text output, and --exit-code exits 1 on a material change', async () => {
    const file = examples[0];
    if (!file) return;
    const edited = editedCopy(file);
    const run = await runPledge(['diff', file, edited, '--exit-code']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("purpose 'zz-profiling' added");
    expect(run.stdout).toContain('fresh consent from all subjects');
    expect(run.stdout).toMatch(/1 change: 1 material, 1 needing fresh consent\.\n$/);
    const same = await runPledge(['diff', file, file, '--exit-code']);
    expect(same).toMatchObject({ code: 0, stdout: 'No changes.\n' });
  });

  it('an invalid second manifest is reported with its file name', async () => {
    const run = await runPledge(['diff', `${FIXTURES}minimal.yaml`, brokenSyntaxFile()]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('broken-syntax.yaml:');
    expect(hasStackTrace(run.stderr)).toBe(false);
  });
});

describe.concurrent('pledge ropa and schema', () => {
  it.each(examples)('%s exports CSV with a header and CRLF rows', async (file) => {
    const csv = await runPledge(['ropa', file]);
    expect(csv.code).toBe(0);
    expect(csv.stdout.startsWith('Activity,Purpose,Legal basis,Controller,')).toBe(true);
    expect(csv.stdout.endsWith('\r\n')).toBe(true);
  });

  it('exports JSON records in the language asked for', async () => {
    const json = await runPledge(['ropa', `${FIXTURES}minimal.yaml`, '--format', 'json', '--lang', 'zh-CN']);
    const records = JSON.parse(json.stdout) as Array<{ id: string; lang: string }>;
    expect(records.map((r) => [r.id, r.lang])).toEqual([['account', 'zh-CN']]);
  });

  it('schema prints the committed JSON Schema', async () => {
    const run = await runPledge(['schema']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(readFileSync(join(REPO_ROOT, 'schema/pledge.schema.json'), 'utf8'));
  });
});
