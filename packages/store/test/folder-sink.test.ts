import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureCheckpointKey, FolderSink, readCheckpoints, signCheckpoint } from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'pledge-folder-sink-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('FolderSink', () => {
  it('never replaces a checkpoint, even one signed in the same millisecond, and leaves no temporary file', async () => {
    const { key } = await ensureCheckpointKey(join(dir, 'key.pem'));
    const sink = new FolderSink(join(dir, 'sink'));
    const checkpoint = signCheckpoint(
      { chain: 'ledger', seq: 3, headHash: 'a'.repeat(64), at: '2026-12-04T22:00:00.000Z' },
      key,
    );
    const names = await Promise.all([sink.write(checkpoint), sink.write(checkpoint), sink.write(checkpoint)]);
    expect(new Set(names).size).toBe(3);
    expect(readdirSync(join(dir, 'sink', 'ledger')).sort()).toEqual([...names].sort());
    const read = await readCheckpoints(sink, 'ledger', [key]);
    expect(read).toMatchObject({ problems: [], checkpoints: [{ seq: 3 }, { seq: 3 }, { seq: 3 }] });
  });

  it('refuses a chain name that could leave its folder', async () => {
    await expect(new FolderSink(dir).list('../etc')).rejects.toThrow('cannot name a folder');
  });
});
