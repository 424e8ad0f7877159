import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiKey } from '@pledge/auth';
import { buildServer } from '@pledge/server';
import { listDeletionRequests, openStore, type Store } from '@pledge/store';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { antsentryManifest, runInProcess } from './support/harness.js';

const dir = mkdtempSync(join(tmpdir(), 'pledge-cli-recipients-'));
let store: Store;
let app: FastifyInstance;
let server = '';
const savedKey = process.env.PLEDGE_API_KEY;

const pledge = (...args: string[]) => runInProcess([...args, '--server', server], { cwd: dir });

beforeAll(async () => {
  store = await openStore();
  app = await buildServer({
    manifest: antsentryManifest(),
    store,
    logger: false,
    apiToken: 'cli-recipients-token-0123456789',
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  server = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const made = await createApiKey(store, { name: 'register', scopes: ['recipients'] });
  if (!made.ok) throw new Error(made.issue.message);
  process.env.PLEDGE_API_KEY = made.created.secret;
  writeFileSync(join(dir, 'nda.pdf'), '%PDF-1.7\n%%EOF\n');
  writeFileSync(join(dir, 'fake.pdf'), 'GIF89a not a pdf');
});
afterAll(async () => {
  if (savedKey === undefined) delete process.env.PLEDGE_API_KEY;
  else process.env.PLEDGE_API_KEY = savedKey;
  await app.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('pledge recipients', () => {
  it('lists the register, files a contract, records an inspection and ends an engagement', async () => {
    const before = await pledge('recipients', 'list');
    expect(before.code).toBe(0);
    expect(before.stdout).toMatch(
      /^business-partners {2}third-party .*FLAGS contract-missing,audit-missing$/m,
    );

    const added = await pledge(
      'recipients',
      'contract',
      'add',
      'business-partners',
      '--kind',
      'nda',
      '--file',
      'nda.pdf',
      '--signed',
      '2026-01-01',
    );
    expect(added).toMatchObject({ code: 0 });
    expect(added.stdout).toContain('filed nda');
    const fake = await pledge(
      'recipients',
      'contract',
      'add',
      'business-partners',
      '--kind',
      'nda',
      '--file',
      'fake.pdf',
      '--signed',
      '2026-01-01',
    );
    expect(fake.code).toBe(2);
    expect(fake.stderr).toContain('document: document is declared as PDF but does not start with %PDF-');

    const inspected = await pledge(
      'recipients',
      'inspect',
      'business-partners',
      '--kind',
      'appraisal',
      '--outcome',
      'passed',
    );
    expect(inspected.code).toBe(0);
    const after = await pledge('recipients', 'list', '--format', 'json');
    const entry = (
      JSON.parse(after.stdout) as { recipients: { id: string; flags: string[] }[] }
    ).recipients.find((r) => r.id === 'business-partners');
    expect(entry?.flags).toEqual([]);

    const ended = await pledge('recipients', 'end', 'business-partners', '--date', '2026-06-30');
    expect(ended.code).toBe(0);
    expect(await listDeletionRequests(store.db)).toMatchObject([
      { recipient: 'business-partners', engagementEndedOn: '2026-06-30', status: 'pending' },
    ]);
    expect((await pledge('recipients', 'end', 'nobody', '--date', '2026-06-30')).code).toBe(2);
  });
});
