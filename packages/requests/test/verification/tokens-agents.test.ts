import { generateKeyPairSync } from 'node:crypto';
import { issueVerificationToken } from '@pledge/sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  checkAgentAuthorisation,
  recordAgentAuthorisation,
  requestVerification,
  verifyIdentityToken,
} from '../../src/index.js';
import { openWorld, type World } from './support.js';

const APP_SECRET = 'app-shared-secret-for-tokens-0001';
const USER = 'user-canary-4410';

describe('signed tokens for signed-in users', () => {
  let w: World;
  beforeEach(async () => {
    w = await openWorld();
  });
  afterEach(async () => {
    await w.close();
  });

  it('P1-44: accepts an HMAC token the application issued through the SDK, once, and records it', async () => {
    const token = issueVerificationToken({
      subject: USER,
      key: { hmacSecret: APP_SECRET },
      now: w.clock.now(),
    });
    const ok = await verifyIdentityToken(w.ctx, { hmacSecret: APP_SECRET }, token, { requestRef: 'R-T' });
    expect(ok).toMatchObject({ ok: true, subject: USER, verification: { method: 'signed-token' } });
    expect(await requestVerification(w.store.db, 'R-T')).toMatchObject({ method: 'signed-token' });
    expect(await verifyIdentityToken(w.ctx, { hmacSecret: APP_SECRET }, token)).toEqual({
      ok: false,
      code: 'token-replayed',
      path: 'token',
    });
  });

  it('accepts an Ed25519 token under the public key only', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const token = issueVerificationToken({
      subject: USER,
      key: { ed25519PrivateKey: privateKey },
      audience: 'https://shop.example/privacy',
      now: w.clock.now(),
    });
    expect(
      await verifyIdentityToken(w.ctx, { hmacSecret: APP_SECRET }, token, {
        audience: 'https://shop.example/privacy',
      }),
    ).toMatchObject({ ok: false, code: 'token-signature' });
    expect(
      await verifyIdentityToken(w.ctx, { ed25519PublicKey: pem }, token, {
        audience: 'https://other.example',
      }),
    ).toMatchObject({ ok: false, code: 'token-audience' });
    expect(
      await verifyIdentityToken(w.ctx, { ed25519PublicKey: pem }, token, {
        audience: 'https://shop.example/privacy',
      }),
    ).toMatchObject({ ok: true, subject: USER });
  });

  it('refuses forged, altered, expired and malformed tokens', async () => {
    const keys = { hmacSecret: APP_SECRET };
    const forged = issueVerificationToken({
      subject: USER,
      key: { hmacSecret: 'not-the-secret' },
      now: w.clock.now(),
    });
    expect(await verifyIdentityToken(w.ctx, keys, forged)).toMatchObject({ code: 'token-signature' });
    const good = issueVerificationToken({ subject: USER, key: keys, now: w.clock.now() });
    const [p, alg, claims, sig] = good.split('.');
    const other = Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(claims ?? '', 'base64url').toString()),
        sub: 'someone-else',
      }),
    ).toString('base64url');
    expect(await verifyIdentityToken(w.ctx, keys, [p, alg, other, sig].join('.'))).toMatchObject({
      code: 'token-signature',
    });
    w.clock.advance(301_000 + 60_000);
    expect(await verifyIdentityToken(w.ctx, keys, good)).toMatchObject({ code: 'token-expired' });
    for (const bad of ['', 'pv1', 'pv1.none.e30.', 'a.b.c.d', `${good}.x`]) {
      expect(await verifyIdentityToken(w.ctx, keys, bad)).toMatchObject({ ok: false, path: 'token' });
    }
  });
});

describe('agents acting for someone', () => {
  let w: World;
  beforeEach(async () => {
    w = await openWorld();
  });
  afterEach(async () => {
    await w.close();
  });

  const authorisation = (over: Partial<Parameters<typeof recordAgentAuthorisation>[1]> = {}) => ({
    requestRef: 'R-A',
    agent: { name: 'Lawyer Ltd', contact: 'agent@lawyer.example' },
    documentRef: 'case-file/poa-2026-001.pdf',
    scope: ['access', 'erasure'],
    expiresAt: new Date('2026-05-01T00:00:00Z'),
    recordedBy: 'officer-1',
    ...over,
  });

  it('refuses an authorisation missing its document, scope or a future expiry, naming the field', async () => {
    expect(await recordAgentAuthorisation(w.ctx, authorisation({ documentRef: ' ' }))).toMatchObject({
      code: 'document-missing',
      path: 'documentRef',
    });
    expect(await recordAgentAuthorisation(w.ctx, authorisation({ scope: [] }))).toMatchObject({
      path: 'scope',
    });
    expect(
      await recordAgentAuthorisation(w.ctx, authorisation({ expiresAt: new Date('2026-03-01T00:00:00Z') })),
    ).toMatchObject({ code: 'authorisation-expired', path: 'expiresAt' });
  });

  it('checks scope, request and expiry, and records every check', async () => {
    const recorded = await recordAgentAuthorisation(w.ctx, authorisation());
    if (!recorded.ok) throw new Error('not recorded');
    const id = recorded.id;
    expect(
      await checkAgentAuthorisation(w.ctx, { authorisationId: id, requestRef: 'R-A', right: 'access' }),
    ).toEqual({
      ok: true,
      documentRef: 'case-file/poa-2026-001.pdf',
      expiresAt: new Date('2026-05-01T00:00:00Z'),
    });
    expect(
      await checkAgentAuthorisation(w.ctx, {
        authorisationId: id,
        requestRef: 'R-A',
        right: 'rectification',
      }),
    ).toMatchObject({ code: 'out-of-scope', path: 'right' });
    expect(
      await checkAgentAuthorisation(w.ctx, { authorisationId: id, requestRef: 'R-B', right: 'access' }),
    ).toMatchObject({ code: 'other-request' });
    w.clock.set('2026-05-01T00:00:00Z');
    expect(
      await checkAgentAuthorisation(w.ctx, { authorisationId: id, requestRef: 'R-A', right: 'access' }),
    ).toMatchObject({ code: 'authorisation-expired' });
    expect(await requestVerification(w.store.db, 'R-A')).toMatchObject({
      method: 'agent-authorisation',
      evidence: id,
    });
  });
});
