import { afterAll, describe, expect, it } from 'vitest';
import { runRefdataCli } from '../src/cli.js';
import { openSandbox, type Sandbox, storesAvailable } from './helpers/stores.js';

function capture() {
  const out = { stdout: '', stderr: '' };
  const io = {
    stdout: (text: string) => {
      out.stdout += text;
    },
    stderr: (text: string) => {
      out.stderr += text;
    },
  };
  return { out, io };
}

describe('refdata CLI usage', () => {
  it('prints usage for --help', async () => {
    const { out, io } = capture();
    expect(await runRefdataCli(['--help'], io)).toBe(0);
    expect(out.stdout).toContain('--example');
  });

  it.each([
    [['--example', 'nope'], /--example must be one of/],
    [['--example', 'antsentry', '--scale', '-1'], /--scale/],
    [['--example', 'antsentry', '--bogus'], /bogus/],
    [[], /--example must be one of/],
  ])('exits 2 for %j', async (args, message) => {
    const { out, io } = capture();
    expect(await runRefdataCli(args, io)).toBe(2);
    expect(out.stderr).toMatch(message);
  });
});

const ready = await storesAvailable('antsentry');

describe.skipIf(!ready)('refdata CLI run', () => {
  let sandbox: Sandbox | undefined;
  afterAll(async () => {
    await sandbox?.drop();
  });

  it('generates into the given targets and reports the counts as JSON', async () => {
    sandbox = await openSandbox('antsentry');
    const t = sandbox.targets;
    const { out, io } = capture();
    const code = await runRefdataCli(
      [
        ...['--example', 'antsentry', '--scale', '5', '--seed', '9', '--json'],
        ...['--pg-url', String(t.pgUrl), '--pg-schema', String(t.pgSchema)],
        ...['--redis-url', String(t.redisUrl), '--redis-prefix', String(t.redisPrefix)],
      ],
      io,
    );
    expect(out.stderr).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(out.stdout);
    expect(result.counts['antsentry_pg.users']).toBe(5);
    const [row] = await sandbox.sql('SELECT count(*)::int AS n FROM login_logs');
    expect(row?.n).toBe(result.counts['antsentry_pg.login_logs']);
  });

  it('exits 1 with the store error when a server refuses the connection', async () => {
    const { out, io } = capture();
    const code = await runRefdataCli(
      ['--example', 'antsentry', '--scale', '1', '--pg-url', 'postgres://postgres@127.0.0.1:1/none'],
      io,
    );
    expect(code).toBe(1);
    expect(out.stderr).toMatch(/^refdata: /);
  });
});
