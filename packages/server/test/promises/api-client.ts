import { expect } from 'vitest';
import type { TestApp } from '../helpers.js';

/** What `/v1/decide` answers, as the promise tests read it. */
export interface Decision {
  allowed: boolean;
  legalBasis?: string;
  reasons: string[];
  obligations: Array<Record<string, unknown>>;
}

/**
 * The calls a promise test makes as an application holding an API key: `app()` and `key()` are
 * read at call time, since both are set in the test file's `beforeAll`.
 */
export function apiClient(app: () => TestApp, key: () => string) {
  const call = (url: string, payload: object) =>
    app().app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${key()}` }, payload });
  return {
    call,
    async decide(body: object): Promise<Decision> {
      const res = await call('/v1/decide', body);
      expect(res.statusCode).toBe(200);
      return res.json() as Decision;
    },
    async record(subject: string, events: object[]): Promise<void> {
      const res = await call('/v1/consents', { subject, events });
      expect(res.statusCode, res.body).toBe(201);
    },
  };
}
