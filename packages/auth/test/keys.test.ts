import { migrateToLatest, openStore, type Store } from '@pledge/store';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  API_SCOPES,
  authenticateApiKey,
  createApiKey,
  hasActiveApiKeys,
  listApiKeys,
  revokeApiKey,
  siteKeyOrigins,
  tokenDigest,
} from '../src/index.js';

describe('API keys', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore();
    await migrateToLatest(store.db);
  });
  afterAll(() => store.close());

  it('a created key authenticates as its principal; only its digest is stored', async () => {
    expect(await hasActiveApiKeys(store)).toBe(false);
    const made = await createApiKey(store, {
      name: 'backend',
      scopes: ['decide', 'consent:write', 'decide'],
    });
    if (!made.ok) throw new Error(made.issue.message);
    const { secret, key } = made.created;
    expect(secret).toMatch(/^pledge_sk_[A-Za-z0-9_-]{43}$/);
    expect(key.scopes).toEqual(['decide', 'consent:write']);
    const dump = await sql<{ t: string }>`SELECT row_to_json(k)::text AS t FROM pledge_api_keys k`.execute(
      store.db,
    );
    const stored = dump.rows.map((r) => r.t).join('\n');
    expect(stored).not.toContain(secret);
    expect(stored).not.toContain(secret.slice(10));
    expect(stored).toContain(tokenDigest(secret));
    expect(await authenticateApiKey(store, secret)).toEqual({
      id: key.id,
      name: 'backend',
      kind: 'secret',
      scopes: ['decide', 'consent:write'],
      actor: 'subject',
    });
    expect(await authenticateApiKey(store, `${secret.slice(0, -1)}x`)).toBeUndefined();
    expect(await hasActiveApiKeys(store)).toBe(true);
  });

  it('two keys never share a secret', async () => {
    const a = await createApiKey(store, { name: 'a', scopes: ['decide'] });
    const b = await createApiKey(store, { name: 'b', scopes: ['decide'] });
    expect(a.ok && b.ok && a.created.secret !== b.created.secret).toBe(true);
  });

  it('a revoked key no longer authenticates and is listed as revoked', async () => {
    const made = await createApiKey(store, { name: 'old', scopes: ['ledger:read'] });
    if (!made.ok) throw new Error('not created');
    expect(await revokeApiKey(store, made.created.key.id)).toBe(true);
    expect(await revokeApiKey(store, made.created.key.id)).toBe(false);
    expect(await authenticateApiKey(store, made.created.secret)).toBeUndefined();
    const listed = (await listApiKeys(store)).find((k) => k.id === made.created.key.id);
    expect(listed?.revokedAt).toBeInstanceOf(Date);
    expect(JSON.stringify(await listApiKeys(store))).not.toContain(made.created.secret);
  });

  it('a site key holds consent writes for its own origins only', async () => {
    const ok = await createApiKey(store, {
      name: 'shop banner',
      kind: 'site',
      scopes: ['consent:write'],
      origins: ['https://Shop.example', 'https://shop.example/'],
    });
    expect(ok.ok && ok.created.secret.startsWith('pledge_pk_')).toBe(true);
    expect(ok.ok && ok.created.key.origins).toEqual(['https://shop.example']);
    expect(await siteKeyOrigins(store)).toEqual(new Set(['https://shop.example']));
    const refusals = [
      [{ name: 's', kind: 'site', scopes: ['decide'], origins: ['https://a.example'] }, 'scopes'],
      [{ name: 's', kind: 'site', scopes: ['consent:write'] }, 'origins'],
      [{ name: 's', kind: 'site', scopes: ['consent:write'], origins: ['http://a.example'] }, 'origins.0'],
      [{ name: 's', kind: 'site', scopes: ['consent:write'], origins: ['https://a.example/x'] }, 'origins.0'],
      [
        {
          name: 's',
          kind: 'site',
          scopes: ['consent:write'],
          origins: ['https://a.example'],
          actor: 'officer',
        },
        'actor',
      ],
      [{ name: '', scopes: ['decide'] }, 'name'],
      [{ name: 'x', scopes: [] }, 'scopes'],
      [{ name: 'x', scopes: ['root'] }, 'scopes.0'],
      [{ name: 'x', scopes: ['decide'], actor: 'god' }, 'actor'],
    ] as const;
    for (const [input, path] of refusals) {
      const res = await createApiKey(store, input);
      expect(res.ok ? undefined : res.issue.path, JSON.stringify(input)).toBe(path);
    }
  });

  it('the scope list is the one the issue names', () => {
    expect(API_SCOPES).toEqual([
      'consent:write',
      'decide',
      'ledger:read',
      'policy:publish',
      'dsr',
      'admin',
      'sdk:config',
      'audit:write',
      'disclose',
      'recipients',
      'deregistration:check',
    ]);
  });
});
