import { describe, expect, it } from 'vitest';
import { ConsentCache } from '../src/cache/consent-cache.js';
import { LruMap } from '../src/cache/lru.js';
import type { LedgerEvent } from '../src/index.js';

function event(seq: number, subjectHash: string, type: LedgerEvent['type'] = 'consent-given'): LedgerEvent {
  return {
    seq,
    id: `id-${seq}`,
    subjectHash,
    pseudonym: `p-${subjectHash}`,
    type,
    purposes: ['newsletter'],
    categories: [],
    method: 'api',
    source: 'api',
    policyVersion: '1.0',
    policyHash: 'h1',
    actor: 'subject',
    occurredAt: new Date(Date.UTC(2025, 0, 1, 0, 0, seq)),
    prevHash: '',
    hash: `hash-${seq}`,
  };
}

describe('LruMap', () => {
  it('evicts the least recently used entry; get counts as a use, peek does not', () => {
    const lru = new LruMap<string, number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    lru.get('a');
    lru.set('c', 3);
    expect([...lru.values()]).toEqual([1, 3]);
    lru.peek('a');
    lru.set('d', 4);
    expect(lru.has('a')).toBe(false);
    expect(lru.size).toBe(2);
    expect(() => new LruMap(0)).toThrow();
  });
});

describe('ConsentCache', () => {
  it('keeps feed events that arrive while a subject is being fetched, without duplicates', async () => {
    const cache = new ConsentCache(10);
    let release: (events: LedgerEvent[]) => void = () => undefined;
    const loading = cache.load('s1', () => new Promise((resolve) => (release = resolve)));
    // Two loads share one fetch.
    const again = cache.load('s1', () => Promise.reject(new Error('second fetch')));
    cache.applyFeed([event(3, 's1'), event(4, 'other'), event(5, 's1', 'consent-withdrawn')]);
    release([event(1, 's1'), event(3, 's1')]);
    const entry = await loading;
    expect(await again).toBe(entry);
    expect(entry.events.map((e) => e.seq)).toEqual([1, 3, 5]);
    expect(cache.has('other')).toBe(false);
  });

  it('updates only cached subjects; feed copies replace locally recorded ones by seq', async () => {
    const cache = new ConsentCache(10);
    const entry = await cache.load('s1', async () => [event(1, 's1')]);
    const local = { ...event(2, 's1'), occurredAt: new Date(0), prevHash: '' };
    cache.addRecorded('s1', [local]);
    cache.addRecorded('s2', [event(9, 's2')]);
    expect(cache.has('s2')).toBe(false);
    expect(entry.events[1]).toBe(local);
    const stored = event(2, 's1');
    cache.applyFeed([stored]);
    expect(entry.events.map((e) => e.seq)).toEqual([1, 2]);
    expect(entry.events[1]).toBe(stored);
    // A local copy arriving after the feed's does not overwrite it.
    cache.addRecorded('s1', [local]);
    expect(entry.events[1]).toBe(stored);
  });

  it('is bounded by its capacity', async () => {
    const cache = new ConsentCache(3);
    for (let i = 0; i < 10; i++) await cache.load(`s${i}`, async () => [event(i + 1, `s${i}`)]);
    expect(cache.size).toBe(3);
    expect(cache.has('s9')).toBe(true);
    expect(cache.has('s0')).toBe(false);
  });

  it('a failed fetch caches nothing and a later load tries again', async () => {
    const cache = new ConsentCache(3);
    await expect(cache.load('s1', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(cache.has('s1')).toBe(false);
    const entry = await cache.load('s1', async () => [event(1, 's1')]);
    expect(entry.events).toHaveLength(1);
  });
});
