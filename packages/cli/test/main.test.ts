import { describe, expect, it } from 'vitest';
import type { CliIo } from '../src/io.js';
import { main } from '../src/main.js';

/** An in-memory I/O capturing output; `fail` makes stdout throw like a broken stream would. */
function memoryIo(files: Record<string, string>, fail?: Error) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (text) => {
      if (fail) throw fail;
      out.push(text);
    },
    stderr: (text) => void err.push(text),
    readText: async (path) => {
      const text = files[path];
      if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      return text;
    },
    writeText: async (path, text) => {
      files[path] = text;
    },
    cwd: '/',
  };
  return { io, out, err };
}

const argv = (...args: string[]) => ['node', 'pledge', ...args];

describe('main (in process)', () => {
  it('returns the exit code instead of exiting', async () => {
    const { io, out } = memoryIo({});
    expect(await main(argv('schema'), io)).toBe(0);
    expect(JSON.parse(out.join(''))).toHaveProperty('$id');
  });

  it('never throws: an unexpected error is exit 70 with a one-line message and no stack', async () => {
    const { io, err } = memoryIo({ 'm.yaml': 'pledge: 1' }, new Error('stream exploded'));
    expect(await main(argv('schema'), io)).toBe(70);
    expect(err.join('')).toBe(
      'pledge: internal error: stream exploded\npledge: this is a bug; set PLEDGE_DEBUG=1 for details\n',
    );
  });

  it('reports a file it cannot read without the absolute path the system error carries', async () => {
    const { io, err } = memoryIo({});
    expect(await main(argv('validate', 'missing.yaml'), io)).toBe(2);
    expect(err.join('')).toBe('pledge: cannot read missing.yaml: no such file\n');
  });

  it('--version and help exit 0', async () => {
    expect(await main(argv('--version'), memoryIo({}).io)).toBe(0);
    expect(await main(argv('help', 'lint'), memoryIo({}).io)).toBe(0);
  });
});
