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
  it.each(exampleFiles())('accepts %s', async (file) => {
    const run = await runPledge(['validate', file]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/: valid \(\d+ purposes?, \d+ categor(y|ies), \d+ recipients?\)\n$/);
  });

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
