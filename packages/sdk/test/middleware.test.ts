import type { AddressInfo } from 'node:net';
import express from 'express';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createClient,
  createPledge,
  type Decision,
  type GpcStatus,
  type Pledge,
  type PledgeClient,
  pledgeExpress,
  pledgeFastify,
} from '../src/index.js';
import { startServer, type TestServer } from './support/server.js';

/** What the test apps answer: the decisions of the request's subject under its signals. */
interface Answer {
  subject: string | undefined;
  signals: { gpc: boolean; dnt: boolean };
  ads: Decision;
  analytics: Decision;
  gpcStatus: GpcStatus;
}

type Send = (headers: Record<string, string>) => Promise<Answer>;

let server: TestServer;
let client: PledgeClient;

beforeAll(async () => {
  server = await startServer('pglite');
  client = createClient({ baseUrl: server.baseUrl, token: server.token });
});
afterAll(() => server.close());

async function signalEvents(subject: string) {
  const { events } = await client.queryConsents(subject);
  return events.filter((e) => e.type === 'signal-seen').map((e) => e.signal);
}

const subjectOf = (headers: Record<string, unknown>) => {
  const id = headers['x-user-id'];
  return typeof id === 'string' ? id : undefined;
};
const jurisdictionOf = (headers: Record<string, unknown>) =>
  headers['x-region'] === 'CA' ? ('us-ca-ccpa' as const) : ('eu-gdpr' as const);

/** The same checks for both frameworks. */
function middlewareSuite(
  name: string,
  start: (pledge: Pledge) => Promise<{ send: Send; close: () => Promise<void> }>,
) {
  describe(`${name} middleware`, () => {
    let pledge: Pledge;
    let send: Send;
    let close: () => Promise<void>;

    beforeAll(async () => {
      pledge = await createPledge({
        baseUrl: server.baseUrl,
        token: server.token,
        pollIntervalMs: 25,
        policyRefreshMs: 0,
      });
      ({ send, close } = await start(pledge));
    });
    afterAll(async () => {
      await close();
      await pledge.close();
    });

    it('records Sec-GPC once for many requests and denies sale/advertising to a GPC subject in California', async () => {
      const subject = `${name}-gpc-user`;
      const headers = { 'x-user-id': subject, 'x-region': 'CA', 'sec-gpc': '1' };
      const answers = await Promise.all(Array.from({ length: 25 }, () => send(headers)));
      for (let i = 0; i < 10; i++) answers.push(await send(headers));
      for (const answer of answers) {
        expect(answer.signals).toEqual({ gpc: true, dnt: false });
        expect(answer.ads.allowed).toBe(false);
        expect(answer.ads.reasons).toContain('deny.gpc');
        // California: the page must show that the signal was honoured (11 CCR §7025(c)(6)).
        expect(answer.gpcStatus).toEqual({
          received: true,
          honoured: true,
          mustDisplay: true,
          jurisdiction: 'us-ca-ccpa',
        });
      }
      expect(await signalEvents(subject)).toEqual(['gpc']);

      // The recorded signal outlives the header: a later request without it is still denied.
      const later = await send({ 'x-user-id': subject, 'x-region': 'CA' });
      expect(later.ads.reasons).toContain('deny.gpc');
      // The same subject without GPC in the EU: the ads purpose needs opt-in consent there instead.
      expect((await send({ 'x-user-id': subject })).ads.reasons).not.toContain('deny.gpc');

      // Another process (or a restart) reads the ledger and does not record it again.
      const second = await createPledge({ baseUrl: server.baseUrl, token: server.token, policyRefreshMs: 0 });
      try {
        expect(await second.recordSignal(subject, 'gpc')).toBe(false);
      } finally {
        await second.close();
      }
      expect(await signalEvents(subject)).toEqual(['gpc']);
    });

    it('a California subject without GPC may be shown targeted ads (opt-out purpose)', async () => {
      const answer = await send({ 'x-user-id': `${name}-plain-user`, 'x-region': 'CA' });
      expect(answer.signals).toEqual({ gpc: false, dnt: false });
      expect(answer.ads).toMatchObject({ allowed: true, legalBasis: 'business-purpose' });
      expect(answer.gpcStatus).toMatchObject({ received: false, honoured: false, mustDisplay: false });
      expect(await signalEvents(`${name}-plain-user`)).toEqual([]);
    });

    it('records DNT once and denies tracked analytics', async () => {
      const subject = `${name}-dnt-user`;
      const headers = { 'x-user-id': subject, 'x-region': 'CA', dnt: '1' };
      const answers = await Promise.all(Array.from({ length: 10 }, () => send(headers)));
      for (const answer of answers) expect(answer.analytics.reasons).toContain('deny.dnt');
      expect(await signalEvents(subject)).toEqual(['dnt']);
      const both = await send({ ...headers, 'sec-gpc': '1' });
      expect(both.signals).toEqual({ gpc: true, dnt: true });
      expect((await signalEvents(subject)).sort()).toEqual(['dnt', 'gpc']);
    });

    it('ignores junk signal values and records nothing for them', async () => {
      const subject = `${name}-junk-user`;
      for (const value of ['0', 'true', '1, 1', 'yes', '%00', ' ']) {
        const answer = await send({ 'x-user-id': subject, 'x-region': 'CA', 'sec-gpc': value, dnt: value });
        expect(answer.signals).toEqual({ gpc: false, dnt: false });
        expect(answer.ads.allowed).toBe(true);
      }
      expect(await signalEvents(subject)).toEqual([]);
    });

    it('decides for anonymous requests from their signals alone', async () => {
      const answer = await send({ 'x-region': 'CA', 'sec-gpc': '1' });
      expect(answer.subject).toBeUndefined();
      expect(answer.ads.reasons).toContain('deny.gpc');
    });

    it('decides like the server with the signals as facts', async () => {
      const subject = `${name}-consented-user`;
      await client.recordConsent(subject, [
        { type: 'consent-given', purposes: ['ads'], consentMode: 'opt-in' },
      ]);
      const answer = await send({ 'x-user-id': subject, 'x-region': 'CA', 'sec-gpc': '1' });
      const facts = { jurisdiction: 'us-ca-ccpa' as const, gpc: true };
      expect(answer.ads).toEqual(
        await client.decide({ subject, purpose: 'ads', categories: ['browsing'], facts }),
      );
      // An explicit opt-in for the purpose outranks the browser signal.
      expect(answer.ads.allowed).toBe(true);
    });
  });
}

middlewareSuite('fastify', async (pledge) => {
  const app: FastifyInstance = Fastify();
  await app.register(
    pledgeFastify(pledge, {
      subject: (request) => subjectOf(request.headers),
      jurisdiction: (request) => jurisdictionOf(request.headers),
    }),
  );
  app.get(
    '/decide',
    async (request): Promise<Answer> => ({
      subject: request.pledge.subject,
      signals: request.pledge.signals,
      ads: request.pledge.decide('ads', ['browsing']),
      analytics: request.pledge.decide('analytics', ['browsing']),
      gpcStatus: request.pledge.gpcStatus(),
    }),
  );
  await app.ready();
  return {
    send: async (headers) => {
      const response = await app.inject({ method: 'GET', url: '/decide', headers });
      expect(response.statusCode).toBe(200);
      return response.json<Answer>();
    },
    close: () => app.close(),
  };
});

middlewareSuite('express', async (pledge) => {
  const app = express();
  app.use(
    pledgeExpress(pledge, {
      subject: (req) => subjectOf(req.headers),
      jurisdiction: (req) => jurisdictionOf(req.headers),
    }),
  );
  app.get('/decide', (req, res) => {
    const answer: Answer = {
      subject: req.pledge?.subject,
      signals: req.pledge!.signals,
      ads: req.pledge!.decide('ads', ['browsing']),
      analytics: req.pledge!.decide('analytics', ['browsing']),
      gpcStatus: req.pledge!.gpcStatus(),
    };
    res.json(answer);
  });
  const listener = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => listener.once('listening', resolve));
  const { port } = listener.address() as AddressInfo;
  return {
    send: async (headers) => {
      const response = await fetch(`http://127.0.0.1:${port}/decide`, { headers });
      expect(response.status).toBe(200);
      return (await response.json()) as Answer;
    },
    close: () => new Promise<void>((resolve) => listener.close(() => resolve())),
  };
});

describe('middleware when the Pledge server cannot be reached', () => {
  it('fails requests for unread subjects, and still decides for cached ones when only the signal write fails', async () => {
    const dead = express().listen(0, '127.0.0.1');
    await new Promise((resolve) => dead.once('listening', resolve));
    const deadPort = (dead.address() as AddressInfo).port;
    await new Promise<void>((resolve) => dead.close(() => resolve()));
    let offline = false;
    const errors: unknown[] = [];
    const pledge = await createPledge({
      baseUrl: server.baseUrl,
      token: server.token,
      pollIntervalMs: 3_600_000,
      policyRefreshMs: 0,
      onError: (error) => errors.push(error),
      fetch: (input, init) => {
        const url = new URL(String(input));
        if (offline) url.port = String(deadPort);
        return fetch(url, init);
      },
    });
    await pledge.load('offline-known-user');
    offline = true;

    let handled = 0;
    const fastify = Fastify();
    await fastify.register(
      pledgeFastify(pledge, {
        subject: (request) => subjectOf(request.headers),
        jurisdiction: (request) => jurisdictionOf(request.headers),
      }),
    );
    fastify.get('/decide', async (request) => {
      handled += 1;
      return request.pledge.decide('ads', ['browsing']);
    });
    const unknown = await fastify.inject({ url: '/decide', headers: { 'x-user-id': 'offline-new-user' } });
    expect(unknown.statusCode).toBe(500);
    expect(handled).toBe(0);

    const known = await fastify.inject({
      url: '/decide',
      headers: { 'x-user-id': 'offline-known-user', 'x-region': 'CA', 'sec-gpc': '1' },
    });
    expect(known.statusCode).toBe(200);
    expect(known.json<Decision>().reasons).toContain('deny.gpc');
    expect(errors).toMatchObject([{ name: 'PledgeApiError', status: 0, code: 'network-error' }]);

    const app = express();
    app.use(pledgeExpress(pledge, { subject: (req) => subjectOf(req.headers) }));
    app.get('/decide', (_req, res) => {
      handled += 1;
      res.json({});
    });
    app.use((_error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
      res.status(503).json({ error: 'pledge unavailable' });
    });
    const listener = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => listener.once('listening', resolve));
    const { port } = listener.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}/decide`, {
      headers: { 'x-user-id': 'offline-new-user' },
    });
    expect(response.status).toBe(503);
    expect(handled).toBe(1);
    await new Promise<void>((resolve) => listener.close(() => resolve()));
    await fastify.close();
    await pledge.close();
  });
});
