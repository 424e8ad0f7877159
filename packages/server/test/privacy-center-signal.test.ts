import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, type TestApp, testApp } from './helpers.js';

const HONOURED = 'Opt-Out Request Honored';

describe.each(backends)('the privacy center shows that a GPC signal was honoured (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(kind);
  });
  afterAll(() => t.close());

  it('California (11 CCR §7025(c)(6)): a browser sending Sec-GPC: 1 is told its opt-out was honoured', async () => {
    const res = await t.app.inject({ url: '/privacy/consent', headers: { 'sec-gpc': '1' } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(HONOURED);
    const zh = await t.app.inject({ url: '/privacy/consent?lang=zh-CN', headers: { 'sec-gpc': '1' } });
    expect(zh.body).toContain('已响应拒绝请求');
  });

  it('says nothing without the signal, or with a value other than 1', async () => {
    for (const headers of [{}, { 'sec-gpc': '0' }]) {
      const res = await t.app.inject({ url: '/privacy/consent', headers });
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain(HONOURED);
    }
  });
});
