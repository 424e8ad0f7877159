import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '@pledge/store';
import { describe, expect, it } from 'vitest';
import { configuredSubjectKey, readSettings } from '../src/index.js';

describe('subject key settings', () => {
  it('reads PLEDGE_SUBJECT_KEY_FILE (relative to the working directory) and PLEDGE_SUBJECT_KEY_REQUIRED', () => {
    expect(
      readSettings({ PLEDGE_SUBJECT_KEY_FILE: 'secrets/key', PLEDGE_SUBJECT_KEY_REQUIRED: 'true' }, '/srv'),
    ).toMatchObject({ ok: true, settings: { subjectKeyFile: '/srv/secrets/key', subjectKeyRequired: true } });
    expect(readSettings({ PLEDGE_SUBJECT_KEY_REQUIRED: '0' }, '/srv')).toMatchObject({
      ok: true,
      settings: expect.not.objectContaining({ subjectKeyRequired: true }),
    });
  });

  it('refuses both a key and a key file, and a bad PLEDGE_SUBJECT_KEY_REQUIRED, naming the variable', () => {
    expect(
      readSettings({ PLEDGE_SUBJECT_KEY: 'a-key-of-sixteen-chars', PLEDGE_SUBJECT_KEY_FILE: '/k' }, '/'),
    ).toEqual({
      ok: false,
      code: 'config.invalid',
      variable: 'PLEDGE_SUBJECT_KEY_FILE',
      message: 'PLEDGE_SUBJECT_KEY_FILE and PLEDGE_SUBJECT_KEY are both set: set one',
    });
    expect(readSettings({ PLEDGE_SUBJECT_KEY_REQUIRED: 'yes' }, '/')).toMatchObject({
      ok: false,
      variable: 'PLEDGE_SUBJECT_KEY_REQUIRED',
    });
  });

  it('takes the key from the file; required without one is refused', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pledge-subjectkeys-config-'));
    const store = await openStore();
    try {
      const file = join(dir, 'key');
      await writeFile(file, 'a-key-from-a-mounted-secret\n');
      const fromFile = await configuredSubjectKey({ subjectKeyFile: file }, store);
      expect(fromFile).toMatchObject({ ok: true, key: 'a-key-from-a-mounted-secret', origin: 'configured' });
      const other = await openStore();
      try {
        expect(await configuredSubjectKey({ subjectKeyRequired: true }, other)).toMatchObject({
          ok: false,
          code: 'subject-key.missing',
        });
        expect(await configuredSubjectKey({ subjectKeyFile: join(dir, 'absent') }, other)).toMatchObject({
          ok: false,
          code: 'subject-key.unreadable',
          setting: 'PLEDGE_SUBJECT_KEY_FILE',
        });
      } finally {
        await other.close();
      }
    } finally {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
