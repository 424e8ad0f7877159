import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleFiles } from './examples.js';
import { brokenSyntaxFile, FIXTURES, hasStackTrace, runPledge } from './run-pledge.js';

describe('pledge (program)', () => {
  it('--help lists every command and exits 0', async () => {
    const run = await runPledge(['--help']);
    expect(run.code).toBe(0);
    for (const command of ['validate', 'lint', 'render', 'diff', 'ropa', 'schema'])
      expect(run.stdout).toContain(command);
  });

  it('an unknown command or a missing argument is a usage error (exit 2)', async () => {
    const unknown = await runPledge(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'frobnicate'");
    const missing = await runPledge(['validate']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("missing required argument 'manifest'");
  });
});

describe('pledge validate', () => {
  // The AntSentry and camera-app seeds name an advertising purpose they never declare (a finding
  // the seeds exist to show); validate reports those references and nothing else.
  it.each(exampleFiles())(
    'accepts the schema of %s and reports only its undeclared purposes',
    async (file) => {
      const run = await runPledge(['validate', file]);
      if (run.code === 0) {
        expect(run.stderr).toBe('');
        expect(run.stdout).toMatch(/: valid \(\d+ purposes?, \d+ categor(y|ies), \d+ recipients?\)\n$/);
        return;
      }
      expect(run.code).toBe(1);
      const lines = run.stderr.trim().split('\n');
      expect(lines.at(-1)).toMatch(/is not a valid manifest \(\d+ issues?\)$/);
      for (const line of lines.slice(0, -1)) expect(line).toMatch(/:\d+:\d+ .+ \(ref\.unknown-purpose\)$/);
    },
  );

  it('accepts a minimal manifest', async () => {
    const run = await runPledge(['validate', `${FIXTURES}minimal.yaml`]);
    expect(run).toMatchObject({
      code: 0,
      stdout: `${FIXTURES}minimal.yaml: valid (1 purpose, 1 category, 0 recipients)\n`,
    });
  });

  it('reports a YAML syntax error as file:line:column, exit 1, no stack trace', async () => {
    const file = brokenSyntaxFile();
    const run = await runPledge(['validate', file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      new RegExp(
        `^${file.replaceAll('.', '\\.')}:\\d+:\\d+ \\(root\\): YAML syntax: .+ \\(manifest\\.yaml-syntax\\)$`,
        'm',
      ),
    );
    expect(hasStackTrace(run.stderr)).toBe(false);
  });

  it('reports every schema issue with its line, column, path and code', async () => {
    const file = `${FIXTURES}wrong-types.yaml`;
    const run = await runPledge(['validate', file]);
    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/wrong-types\.yaml:3:7 policy\.id: .+ \(schema\.invalid_format\)$/),
        expect.stringMatching(
          /wrong-types\.yaml:6:28 policy\.jurisdictions\[1\]: .+ \(schema\.invalid_value\)$/,
        ),
        expect.stringMatching(
          /wrong-types\.yaml:\d+:\d+ controller\.contacts\[0\]: .*colour.* \(schema\.unrecognized_keys\)$/,
        ),
        expect.stringMatching(
          /wrong-types\.yaml:23:17 purposes\[0\]\.categories: .+ \(schema\.invalid_type\)$/,
        ),
        expect.stringMatching(
          /wrong-types\.yaml:24:17 purposes\[0\]\.legalBasis: .+ \(schema\.invalid_union\)$/,
        ),
      ]),
    );
    expect(lines.at(-1)).toMatch(/is not a valid manifest \(\d+ issues\)$/);
    expect(hasStackTrace(run.stderr)).toBe(false);
  });

  it('reports dangling references and duplicate ids as file:line:column, with a suggestion', async () => {
    const text = readFileSync(`${FIXTURES}minimal.yaml`, 'utf8')
      .replace('categories: [email]', 'categories: [emial]')
      .replace(
        'purposes:\n',
        'purposes:\n  - id: account\n    taxonomy: essential.service\n    name: Again\n    categories: [email]\n    legalBasis: contract\n    consent: none\n',
      );
    const file = join(mkdtempSync(join(tmpdir(), 'pledge-refs-')), 'refs.yaml');
    writeFileSync(file, text);
    const run = await runPledge(['validate', file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trim().split('\n');
    expect(lines).toEqual([
      `${file}:26:9 purposes[1].id: id "account" is already used by entry 0 of this list (id.duplicate)`,
      `${file}:29:18 purposes[1].categories[0]: category "emial" is not declared under categories. Did you mean "email"? (ref.unknown-category)`,
      `pledge: ${file} is not a valid manifest (2 issues)`,
    ]);
  });

  it('a missing file or a directory is a usage error naming the file', async () => {
    const missing = await runPledge(['validate', 'no/such/pledge.yaml']);
    expect(missing).toMatchObject({
      code: 2,
      stderr: 'pledge: cannot read no/such/pledge.yaml: no such file\n',
    });
    const dir = await runPledge(['validate', FIXTURES]);
    expect(dir.code).toBe(2);
    expect(dir.stderr).toContain('is a directory');
  });
});
