import { createApiKey } from '@pledge/auth';
import { MAX_CONTRACT_BYTES } from '@pledge/core';
import { listDeletionRequests, listDisclosures } from '@pledge/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from './helpers.js';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n', 'latin1');

describe('the recipients register over HTTP', () => {
  let t: TestApp;
  let manage = '';
  let disclose = '';
  beforeAll(async () => {
    t = await testApp('pglite', { apiToken: 'bootstrap-token-0123456789abcdef' });
    for (const [scope, set] of [
      ['recipients', (s: string) => (manage = s)],
      ['disclose', (s: string) => (disclose = s)],
    ] as const) {
      const made = await createApiKey(t.store, { name: scope, scopes: [scope] });
      if (!made.ok) throw new Error(made.issue.message);
      set(made.created.secret);
    }
  });
  afterAll(() => t.close());

  const upload = (id: string, query: string, body: Buffer, type = 'application/pdf') =>
    t.app.inject({
      method: 'POST',
      url: `/v1/recipients/${id}/contracts?${query}`,
      headers: { authorization: `Bearer ${manage}`, 'content-type': type },
      payload: body,
    });
  const issue = (res: { json(): unknown }) =>
    (res.json() as { error: { code: string; issues?: { path: string; code: string }[] } }).error;

  it('files a PDF contract and refuses a fake PDF, an oversize file, another type and bad dates by field', async () => {
    const ok = await upload('business-partners', 'kind=nda&signedOn=2026-01-01', PDF);
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({
      contract: { kind: 'nda', mediaType: 'application/pdf', size: PDF.length },
    });

    const fake = await upload(
      'business-partners',
      'kind=nda&signedOn=2026-01-01',
      Buffer.from('PK\x03\x04zip'),
    );
    expect(fake.statusCode).toBe(400);
    expect(issue(fake).issues).toEqual([
      expect.objectContaining({ path: 'document', code: 'contract.document-not-pdf' }),
    ]);

    const big = Buffer.alloc(MAX_CONTRACT_BYTES + 1);
    PDF.copy(big);
    const oversize = await upload('business-partners', 'kind=nda&signedOn=2026-01-01', big);
    expect(oversize.statusCode).toBe(413);
    expect(issue(oversize).issues?.[0]).toMatchObject({
      path: 'document',
      code: 'contract.document-too-large',
    });

    const png = await upload('business-partners', 'kind=nda&signedOn=2026-01-01', PDF, 'image/png');
    expect(png.statusCode).toBe(415);

    const badDay = await upload('business-partners', 'kind=nda&signedOn=2026-02-30', PDF);
    expect(badDay.statusCode).toBe(400);
    expect(issue(badDay).issues?.[0]?.path).toContain('signedOn');
    const before = await upload(
      'business-partners',
      'kind=nda&signedOn=2026-02-01&expiresOn=2026-01-01',
      PDF,
    );
    expect(issue(before).issues?.[0]).toMatchObject({ path: 'expiresOn' });
    const badKind = await upload('business-partners', 'kind=handshake&signedOn=2026-01-01', PDF);
    expect(badKind.statusCode).toBe(400);
    expect((await upload('nobody', 'kind=nda&signedOn=2026-01-01', PDF)).statusCode).toBe(404);
  });

  it('answers 403 with every refusal code, 400 naming the field, 200 for a compelled disclosure; each one logged', async () => {
    const ask = (payload: object) =>
      t.app.inject({
        method: 'POST',
        url: '/v1/disclosures',
        headers: { authorization: `Bearer ${disclose}` },
        payload,
      });
    const refused = await ask({
      subject: 'canary-http@example.test',
      recipient: 'entrusted-processors',
      purpose: 'technical-support',
      categories: ['support-request'],
    });
    expect(refused.statusCode).toBe(403);
    expect(issue(refused).code).toBe('disclosure-refused');
    expect(issue(refused).issues?.map((i) => i.code)).toEqual(
      expect.arrayContaining(['disclosure.contract-missing', 'disclosure.consent-refused']),
    );
    expect(refused.body).not.toContain('canary-http');

    const noReference = await ask({
      subject: 'canary-http@example.test',
      recipient: 'authorities',
      purpose: 'legal-compliance',
      categories: ['account-id'],
      basis: 'legal-obligation',
    });
    expect(noReference.statusCode).toBe(400);
    expect(issue(noReference).issues?.[0]?.path).toContain('legalReference');

    const compelled = await ask({
      subject: 'canary-http@example.test',
      recipient: 'authorities',
      purpose: 'legal-compliance',
      categories: ['account-id'],
      basis: 'legal-obligation',
      legalReference: 'Court order 2026-117',
    });
    expect(compelled.statusCode).toBe(200);
    expect(compelled.json()).toMatchObject({ allowed: true, basis: 'legal-obligation' });
    const log = await listDisclosures(t.store.db);
    expect(log.map((d) => d.allowed)).toEqual([true, false]);
    expect(log[0]!.actor).toMatch(/^key_/);
  });

  it('lists the register with flags, records an inspection and ends an engagement with a deletion request', async () => {
    const get = () =>
      t.app.inject({ method: 'GET', url: '/v1/recipients', headers: { authorization: `Bearer ${manage}` } });
    const entry = async (id: string) =>
      (
        (await get()).json() as { recipients: { id: string; flags: string[]; contracts: unknown[] }[] }
      ).recipients.find((r) => r.id === id)!;
    expect(await entry('business-partners')).toMatchObject({
      flags: ['audit-missing'],
      contracts: [expect.anything()],
    });
    const inspected = await t.app.inject({
      method: 'POST',
      url: '/v1/recipients/business-partners/inspections',
      headers: { authorization: `Bearer ${manage}` },
      payload: { kind: 'appraisal', outcome: 'passed', performedOn: '2026-02-01' },
    });
    expect(inspected.statusCode).toBe(201);
    expect((await entry('business-partners')).flags).toEqual([]);
    const ended = await t.app.inject({
      method: 'POST',
      url: '/v1/recipients/business-partners/end',
      headers: { authorization: `Bearer ${manage}` },
      payload: { endedOn: '2026-01-31' },
    });
    expect(ended.json()).toMatchObject({ deletionRequest: { status: 'pending' } });
    expect(await listDeletionRequests(t.store.db)).toMatchObject([
      { recipient: 'business-partners', engagementEndedOn: '2026-01-31' },
    ]);
    expect((await entry('business-partners')).flags).toEqual(['engagement-ended']);
  });
});
