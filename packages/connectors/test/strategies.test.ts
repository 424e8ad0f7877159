import { createHash, createHmac } from 'node:crypto';
import { portOpen } from '@pledge/testing';
import { describe, expect, it } from 'vitest';
import { storeError } from '../src/errors.js';
import {
  anonymiseValue,
  ConnectorError,
  hashText,
  inferType,
  isHashed,
  maskText,
  toInstant,
} from '../src/index.js';
import { hmacPads } from '../src/strategies.js';

describe('shared strategies', () => {
  it('masks the first character and the domain of an e-mail', () => {
    expect(maskText('alice@example.com')).toBe('a***@example.com');
    expect(maskText('+44 20 7946 0001')).toBe('+***');
    expect(maskText('😀smile@example.com')).toBe('😀***@example.com');
    expect(maskText('a@b@c.example')).toBe('a***@c.example');
    expect(maskText('@only')).toBe('@***');
    expect(maskText('')).toBe('');
    for (const v of ['alice@example.com', 'x', '@', 'a@', 'a@b@c'])
      expect(maskText(maskText(v))).toBe(maskText(v));
  });

  it('hashes with HMAC-SHA256 under the secret, once', () => {
    // RFC 4231, test case 2.
    expect(hashText('what do ya want for nothing?', 'Jefe')).toBe(
      'hmac:5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
    const once = hashText('alice@example.com', 's');
    expect(isHashed(once)).toBe(true);
    expect(hashText(once, 's')).toBe(once);
    expect(hashText('alice@example.com', 't')).not.toBe(once);
  });

  it('gives pads that rebuild the HMAC from two SHA-256 passes, for short and long secrets', () => {
    for (const secret of ['k', 'x'.repeat(64), 'ü'.repeat(70)]) {
      const { inner, outer } = hmacPads(secret);
      const innerHash = createHash('sha256').update(inner).update('message', 'utf8').digest();
      const rebuilt = createHash('sha256').update(outer).update(innerHash).digest('hex');
      expect(rebuilt).toBe(createHmac('sha256', secret).update('message').digest('hex'));
    }
  });

  it('anonymises by type: numbers to tens, dates to January 1, the rest to null', () => {
    expect(anonymiseValue(37)).toBe(30);
    expect(anonymiseValue(-37)).toBe(-40);
    expect(anonymiseValue(12.34)).toBe(10);
    expect(anonymiseValue(-37n)).toBe(-40n);
    expect(anonymiseValue('1234')).toBe('1230');
    expect(anonymiseValue('1988-05-17')).toBe('1988-01-01');
    expect(anonymiseValue('2021-03-04T05:06:07.000Z')).toBe('2021-01-01T00:00:00.000Z');
    expect(anonymiseValue(new Date('2021-03-04T05:06:07Z'))).toEqual(new Date('2021-01-01T00:00:00Z'));
    expect(anonymiseValue('Alice Liddell')).toBeNull();
    expect(anonymiseValue(true)).toBeNull();
    expect(anonymiseValue(null)).toBeNull();
    expect(anonymiseValue(anonymiseValue(37))).toBe(30);
  });

  it('infers types and reads anchors from text, dates and epoch numbers', () => {
    expect(['1', '1.5', '2020-01-01', '2020-01-01T00:00', 'x'].map(inferType)).toEqual([
      'integer',
      'decimal',
      'date',
      'timestamp',
      'text',
    ]);
    expect(toInstant('2020-01-01T00:00:00Z')).toBe(Date.UTC(2020, 0, 1));
    expect(toInstant(1577836800)).toBe(Date.UTC(2020, 0, 1));
    expect(toInstant(1577836800000)).toBe(Date.UTC(2020, 0, 1));
    expect(toInstant('not a date')).toBeNull();
  });
});

describe('connector errors', () => {
  it('keep the store error code and drop its message', () => {
    const driver = Object.assign(new Error('Key (email)=(secret@example.com) already exists.'), {
      code: '23505',
    });
    const error = storeError('postgres', 'rectify', 'users', driver);
    expect(error).toBeInstanceOf(ConnectorError);
    expect([error.code, error.storeCode]).toEqual(['store-failed', '23505']);
    expect(`${error.message}${JSON.stringify(error)}`).not.toContain('secret@example.com');
    expect(storeError('redis', 'read', 'x', new Error('WRONGTYPE Operation against a key')).storeCode).toBe(
      'WRONGTYPE',
    );
  });
});

describe('server detection', () => {
  it('reports a closed port as unreachable', async () => {
    expect(await portOpen('127.0.0.1', 1, 500)).toBe(false);
  });
});
