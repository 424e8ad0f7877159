import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Dataset } from '@pledge/core';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
// The command lives in @pledge/cli; its test sits with the converter it drives.
import { registerImportFides } from '../src/commands/import-fides.js';

const fixture = fileURLToPath(
  new URL('../../import-fides/test/fixtures/bookshop-dataset.yml', import.meta.url),
);
const antsentry = fileURLToPath(new URL('../../../examples/antsentry/pledge.yaml', import.meta.url));

async function run(args: string[], files: Record<string, string> = {}) {
  const out = { stdout: '', stderr: '', written: {} as Record<string, string>, code: -1 };
  const io = {
    stdout: (text: string) => {
      out.stdout += text;
    },
    stderr: (text: string) => {
      out.stderr += text;
    },
    readText: async (path: string) => files[path] ?? readFile(path, 'utf8'),
    writeText: async (path: string, text: string) => {
      out.written[path] = text;
    },
    cwd: process.cwd(),
  };
  const program = new Command('pledge')
    .exitOverride()
    .configureOutput({ writeErr: io.stderr, writeOut: io.stdout });
  registerImportFides(program, io, (code) => {
    out.code = code;
  });
  await program.parseAsync(['import', 'fides', ...args], { from: 'user' }).catch((error) => {
    out.code = error.exitCode === 0 ? 0 : 2;
  });
  return out;
}

describe('pledge import fides', () => {
  it('prints the datasets and the categories they need as YAML', async () => {
    const out = await run([fixture]);
    expect(out.code).toBe(0);
    const doc = parse(out.stdout);
    expect(doc.datasets.map((d: { id: string }) => d.id)).toEqual(['bookshop_postgres', 'bookshop_mongo']);
    for (const dataset of doc.datasets) expect(Dataset.safeParse(dataset).success).toBe(true);
    expect(doc.categories.map((c: { taxonomy: string }) => c.taxonomy)).toContain('user.contact.email');
    // Lossy conversions are reported on stderr with the input file and path.
    expect(out.stderr).toContain(
      `${fixture} dataset[1].collections[0].fields[3].fides_meta.identity: warning:`,
    );
  });

  it('writes to --out with the chosen datastore kind', async () => {
    const out = await run([fixture, '--kind', 'mysql', '--out', 'datasets.yaml']);
    expect(out.code).toBe(0);
    expect(out.stdout).toBe('');
    const doc = parse(out.written['datasets.yaml'] ?? '');
    expect(doc.datasets.every((d: Dataset) => d.datastore.kind === 'mysql')).toBe(true);
  });

  it("reuses a manifest's categories with --manifest", async () => {
    const out = await run([fixture, '--manifest', antsentry]);
    expect(out.code).toBe(0);
    const doc = parse(out.stdout);
    const customer = doc.datasets[0].collections.find((c: { name: string }) => c.name === 'customer');
    expect(customer.fields.find((f: { name: string }) => f.name === 'email').categories).toEqual(['email']);
    expect(doc.categories.map((c: { taxonomy: string }) => c.taxonomy)).not.toContain('user.contact.email');
  });

  it('exits 1 without output when the input cannot be fully converted', async () => {
    const out = await run(['bad.yml'], { 'bad.yml': 'dataset:\n  - fides_key: x\n    collections: nope\n' });
    expect(out.code).toBe(1);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain('bad.yml dataset[0].collections: collections must be a list');
    expect(out.stderr).toContain('(fides.dataset-invalid)');
  });

  it('exits 2 for a missing file or a bad --kind', async () => {
    expect((await run(['/nonexistent/dataset.yml'])).code).toBe(2);
    expect((await run([fixture, '--kind', 'oracle'])).code).toBe(2);
  });
});
