import { describe, expect, it } from 'vitest';
import { exampleDefinitions } from '../src/examples/index.js';
import { knownSubject } from '../src/known-subject.js';
import { Rng } from '../src/prng.js';
import { EXAMPLES, IdCounter } from '../src/types.js';

describe('Rng', () => {
  it('gives the same sequence for the same key and another for another key', () => {
    const draw = (key: string) => {
      const rng = new Rng(key);
      return Array.from({ length: 50 }, () => rng.next());
    };
    expect(draw('a')).toEqual(draw('a'));
    expect(draw('a')).not.toEqual(draw('b'));
  });

  it('keeps int, hex and bytes within their ranges', () => {
    const rng = new Rng('ranges');
    const ints = Array.from({ length: 2000 }, () => rng.int(3, 6));
    expect(new Set(ints)).toEqual(new Set([3, 4, 5, 6]));
    expect(rng.hex(40)).toMatch(/^[0-9a-f]{40}$/);
    expect(rng.bytes(7)).toHaveLength(7);
  });
});

/** Every string value a generated subject holds, SQL, Redis and file paths alike. */
function strings(example: (typeof EXAMPLES)[number], index: number, seed: number): string[] {
  const records = exampleDefinitions[example].subject(index, seed, new IdCounter());
  return [
    ...Object.values(records.sql).flatMap((rows) => rows.flat()),
    ...records.redis.flatMap((r) => [r.key, ...Object.values(r.fields)]),
    ...records.files.map((f) => f.path),
  ].filter((v): v is string => typeof v === 'string');
}

describe.each(EXAMPLES)('synthetic subjects of %s', (example) => {
  it('uses only reserved e-mail domains, the +00 phone prefix and documentation IP ranges', () => {
    for (let index = 0; index < 200; index++) {
      for (const value of strings(example, index, 1)) {
        if (/^[^@\s]+@[^@\s]+$/.test(value)) expect(value).toMatch(/@([a-z0-9-]+\.)*example\.test$/);
        if (/^\+\d+$/.test(value)) expect(value).toMatch(/^\+00\d+$/);
        if (/^\d+\.\d+\.\d+\.\d+$/.test(value))
          expect(value).toMatch(/^(192\.0\.2|198\.51\.100|203\.0\.113)\./);
        if (/^https?:\/\//.test(value)) expect(new URL(value).hostname).toMatch(/(^|\.)example\.test$/);
      }
    }
  });

  it('describes a subject the same way every time, and differently under another seed', () => {
    const a = knownSubject(example, 5, 'seed-a', 20);
    expect(knownSubject(example, 5, 'seed-a', 20)).toEqual(a);
    const others = [0, 1, 2, 3].map((i) => knownSubject(example, i, 'seed-b', 20).identities);
    const same = [0, 1, 2, 3].map((i) => knownSubject(example, i, 'seed-a', 20).identities);
    expect(others).not.toEqual(same);
  });

  it('gives every subject distinct identity values and at least one row', () => {
    const seen = new Set<string>();
    for (let index = 0; index < 100; index++) {
      const known = knownSubject(example, index, 1, 100);
      expect(Object.values(known.rows).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
      for (const [kind, values] of Object.entries(known.identities)) {
        for (const value of values ?? []) {
          expect(seen.has(`${kind}:${value}`), `${kind} of subject ${index}`).toBe(false);
          seen.add(`${kind}:${value}`);
        }
      }
    }
  });

  it('rejects a bad index', () => {
    expect(() => knownSubject(example, -1)).toThrow(/index/);
    expect(() => knownSubject(example, 1.5)).toThrow(/index/);
  });
});

describe('knownSubject of the camera app', () => {
  it('counts the shares the next subject grants only when that subject is generated', () => {
    const counts = Array.from({ length: 60 }, (_, i) => ({
      last: knownSubject('camera-app', i, 3, i + 1).rows['camera_pg.device_shares'] ?? 0,
      inside: knownSubject('camera-app', i, 3, i + 2).rows['camera_pg.device_shares'] ?? 0,
      unbounded: knownSubject('camera-app', i, 3).rows['camera_pg.device_shares'] ?? 0,
    }));
    for (const c of counts) {
      expect(c.inside).toBeGreaterThanOrEqual(c.last);
      expect(c.unbounded).toBe(c.inside);
    }
    expect(counts.some((c) => c.inside > c.last)).toBe(true);
  });

  it('leaves out the e-mail of phone-only sign-ups (every fourth subject)', () => {
    expect(knownSubject('camera-app', 3).email).toBeUndefined();
    expect(knownSubject('camera-app', 3).phone).toBe('+001000000003');
    expect(knownSubject('camera-app', 4).email).toMatch(/\.4@example\.test$/);
  });
});
