import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConsentEventBody, LEDGER_EVENT_TYPES, LedgerEventJson, RecordConsentBody } from '../src/index.js';

describe('ledger events on the wire', () => {
  it('accepts every event type of the one list, and no other', () => {
    for (const type of LEDGER_EVENT_TYPES) expect(ConsentEventBody.safeParse({ type }).success).toBe(true);
    expect(ConsentEventBody.safeParse({ type: 'consent-revoked' }).success).toBe(false);
  });

  it('fills the defaults a client may leave out', () => {
    const body = RecordConsentBody.parse({ subject: 'u', events: [{ type: 'opt-out' }] });
    expect(body.events[0]).toEqual({ type: 'opt-out', method: 'api', source: 'api', actor: 'subject' });
  });

  it('reads a stored event as the server sends it', () => {
    const event = {
      seq: 1,
      id: 'e1',
      subjectHash: 'h',
      pseudonym: 'h',
      type: 'signal-seen',
      purposes: [],
      categories: [],
      method: 'signal',
      source: 'web',
      policyVersion: '1.0.0',
      policyHash: 'p',
      actor: 'system',
      signal: 'gpc',
      occurredAt: '2026-01-01T00:00:00.000Z',
      prevHash: '',
      hash: 'x',
    };
    expect(LedgerEventJson.parse(event)).toEqual(event);
  });
});

describe('the package', () => {
  it('uses no Node APIs, so browsers can load it', () => {
    const src = fileURLToPath(new URL('../src/', import.meta.url));
    const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const text = readFileSync(join(src, file), 'utf8');
      expect(text, file).not.toMatch(/from '(node:|fs|path|crypto|os)/);
      expect(text, file).not.toMatch(/\b(process\.|Buffer\.|require\()/);
    }
  });
});
