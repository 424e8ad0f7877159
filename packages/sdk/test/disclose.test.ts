import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPledge, type Pledge, PledgeApiError } from '../src/index.js';
import { startServer, type TestServer } from './support/server.js';

const SUBJECT = 'canary-dora@example.test';

let server: TestServer;
let pledge: Pledge;

beforeAll(async () => {
  server = await startServer('pglite');
  pledge = await createPledge({ baseUrl: server.baseUrl, apiKey: server.token, policyRefreshMs: 0 });
});
afterAll(async () => {
  await pledge.close();
  await server.close();
});

describe('pledge.disclose', () => {
  it('P0-19: is refused with the register codes while no processing agreement is on file, then allowed', async () => {
    await pledge.record(SUBJECT, [
      { type: 'consent-given', purposes: ['newsletter'], consentMode: 'opt-in', jurisdiction: 'eu-gdpr' },
    ]);
    const request = {
      subject: SUBJECT,
      recipient: 'mailer',
      purpose: 'newsletter',
      categories: ['email'],
      facts: { jurisdiction: 'eu-gdpr' as const },
    };
    const error = await pledge.disclose(request).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PledgeApiError);
    expect((error as PledgeApiError).code).toBe('disclosure-refused');
    expect((error as PledgeApiError).issues.map((i) => i.code)).toEqual(['disclosure.contract-missing']);
    expect((error as PledgeApiError).message).not.toContain(SUBJECT);

    const filed = await fetch(
      `${server.baseUrl}/v1/recipients/mailer/contracts?kind=dpa&signedOn=2026-01-01`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/pdf' },
        body: '%PDF-1.4\n%%EOF\n',
      },
    );
    expect(filed.status).toBe(201);
    expect(await pledge.disclose(request)).toMatchObject({ allowed: true, basis: 'consent' });
  });
});
