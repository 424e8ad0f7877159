import { describe, expect, it } from 'vitest';
import { backends, captureLogs, testApp } from './helpers.js';

/** A subject id that must never leave the request: not in logs, not in any answer. */
const CANARY = 'canary-7f3a9c@example.test';

describe.each(backends)('no subject id in logs or answers on %s', (kind) => {
  it('through every route, valid or not', { timeout: 60_000 }, async () => {
    const logs = captureLogs();
    const t = await testApp(kind, { logger: { level: 'trace', stream: logs.stream } });
    const bodies: string[] = [];
    const send = async (url: string, payload: string, type = 'application/json') => {
      const res = await t.app.inject({ method: 'POST', url, headers: { 'content-type': type }, payload });
      bodies.push(res.body);
      return res.statusCode;
    };
    try {
      const event = { type: 'consent-given', purposes: ['marketing-emails'] };
      expect(await send('/v1/consents', JSON.stringify({ subject: CANARY, events: [event] }))).toBe(201);
      expect(await send('/v1/consents/query', JSON.stringify({ subject: CANARY }))).toBe(200);
      const decide = { subject: CANARY, purpose: 'marketing-emails', categories: ['email'] };
      expect(await send('/v1/decide', JSON.stringify(decide))).toBe(200);
      expect(await send('/v1/decide/batch', JSON.stringify({ requests: [decide] }))).toBe(200);
      expect(await send('/v1/use', JSON.stringify({ subject: CANARY }))).toBe(200);
      // Rejected requests carrying the id in every place it could be echoed.
      const rejected = [
        await send('/v1/consents', JSON.stringify({ subject: CANARY, events: [{ type: CANARY }] })),
        await send('/v1/consents', JSON.stringify({ subject: [CANARY], events: [event] })),
        await send('/v1/decide', JSON.stringify({ ...decide, note: CANARY })),
        await send('/v1/decide', JSON.stringify({ ...decide, purpose: CANARY.repeat(10) })),
        await send('/v1/decide', `{"subject": "${CANARY}", `),
        await send('/v1/decide', `{"subject": "${CANARY}" "purpose": 1}`),
        await send('/v1/use', JSON.stringify({ subject: CANARY }), 'text/plain'),
        await send('/v1/use', JSON.stringify({ subject: CANARY, pad: 'x'.repeat(1_100_000) })),
        await send('/v1/policies', `policy: ${CANARY}\n`, 'application/yaml'),
        await send(`/v1/consents/${encodeURIComponent(CANARY)}`, '{}'),
      ];
      expect(rejected).toEqual([400, 400, 400, 400, 400, 400, 415, 413, 400, 404]);
      const q = await t.app.inject({ url: `/v1/ledger/changes?after=${encodeURIComponent(CANARY)}` });
      bodies.push(q.body);
      expect(q.statusCode).toBe(400);
      const feed = await t.app.inject({ url: '/v1/ledger/changes' });
      bodies.push(feed.body);
    } finally {
      await t.close();
    }
    const log = logs.text();
    // The logs did record these requests, at trace level.
    expect(log).toContain('/v1/consents');
    expect(log.split('\n').length).toBeGreaterThan(30);
    for (const text of [log, ...bodies]) {
      expect(text).not.toContain(CANARY);
      expect(text).not.toContain(encodeURIComponent(CANARY));
      expect(text).not.toContain('canary-7f3a9c');
    }
  });
});
