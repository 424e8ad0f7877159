import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AccessCounter, AccessRecorder, type AuditAccess } from '../src/index.js';

const MINUTE_MS = 60_000;
const START = Date.UTC(2026, 11, 5, 1, 2, 30);
const hashOf = (subject: number): string => (subject === 0 ? '' : `subject-hash-${subject}`);
const IDS = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5'];

/** The naive counter the tables must agree with: a Map from subject/purpose/minute to a count. */
function naiveKey(subjectHash: string, purpose: string | number, minute: number): string {
  return `${subjectHash}|${purpose}|${minute}`;
}

function add(map: Map<string, number>, key: string, n: number): void {
  map.set(key, (map.get(key) ?? 0) + n);
}

describe('the access counter against a naive count', () => {
  it('holds every key exactly or drops all of its accesses, and counts the dropped', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 16, max: 128 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 5 })), {
          maxLength: 600,
        }),
        (capacity, accesses) => {
          const counter = new AccessCounter(capacity);
          counter.start(7);
          const naive = new Map<string, number>();
          for (const [subject, purpose] of accesses) {
            counter.count(subject, hashOf(subject), purpose);
            add(naive, naiveKey(hashOf(subject), purpose, 7), 1);
          }
          const drained = new Map<string, number>();
          counter.drain((a) => {
            const key = naiveKey(a.subjectHash, a.purpose, a.minute);
            expect(drained.has(key)).toBe(false);
            drained.set(key, a.count);
          });
          // A key that got a slot keeps it until the drain, so it is exact; one that found none
          // never finds one later in the same table, so all of its accesses are in `dropped`.
          let missing = 0;
          for (const [key, n] of naive) {
            if (drained.has(key)) expect(drained.get(key)).toBe(n);
            else missing += n;
          }
          expect(counter.dropped).toBe(missing);
          expect(counter.used).toBe(0);
          if (naive.size <= counter.capacity / 2) expect(missing).toBe(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('the access recorder turning minutes', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('counts in the minute the tick last saw and ships each minute apart', async () => {
    let clock = START;
    const shipped: AuditAccess[] = [];
    const recorder = new AccessRecorder({
      capacity: 64,
      flushMs: 3_600_000,
      now: () => clock,
      onError: (e) => {
        throw e;
      },
      ship: async (batch) => {
        shipped.push(...batch);
      },
    });
    try {
      recorder.note(1, hashOf(1), 0, IDS, 1);
      recorder.note(1, hashOf(1), 0, IDS, 1);
      // The minute turns, but until the next tick the accesses stay in the minute before.
      clock = START + 40_000;
      recorder.note(1, hashOf(1), 0, IDS, 1);
      vi.advanceTimersByTime(1000);
      recorder.note(1, hashOf(1), 0, IDS, 1);
      recorder.note(2, hashOf(2), 1, IDS, 1);
      // Three minutes later with nothing counted meanwhile: the empty table just moves on.
      clock = START + 4 * MINUTE_MS;
      vi.advanceTimersByTime(1000);
      vi.advanceTimersByTime(1000);
      recorder.note(1, hashOf(1), 0, IDS, 1);
      await recorder.flush();
      expect(shipped).toEqual([
        { subjectHash: hashOf(1), purpose: 'p0', count: 3, windowStart: '2026-12-05T01:02:00.000Z' },
        { subjectHash: hashOf(1), purpose: 'p0', count: 1, windowStart: '2026-12-05T01:03:00.000Z' },
        { subjectHash: hashOf(2), purpose: 'p1', count: 1, windowStart: '2026-12-05T01:03:00.000Z' },
        { subjectHash: hashOf(1), purpose: 'p0', count: 1, windowStart: '2026-12-05T01:06:00.000Z' },
      ]);
      expect(recorder.lost).toBe(0);
    } finally {
      await recorder.close();
    }
  });

  it('ships exactly what a naive count per subject, purpose and ticked minute holds', async () => {
    const step = fc.oneof(
      fc.record({ subject: fc.integer({ min: 0, max: 60 }), purpose: fc.integer({ min: 0, max: 5 }) }),
      fc.record({ advanceMs: fc.integer({ min: 0, max: 150_000 }), ticks: fc.integer({ min: 0, max: 2 }) }),
      fc.record({ flush: fc.constant(true) }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 64, max: 256 }),
        fc.array(step, { maxLength: 400 }),
        async (capacity, steps) => {
          let clock = START;
          const shipped = new Map<string, number>();
          const recorder = new AccessRecorder({
            capacity,
            flushMs: 3_600_000,
            now: () => clock,
            onError: () => undefined,
            ship: async (batch) => {
              for (const a of batch) {
                add(
                  shipped,
                  naiveKey(a.subjectHash ?? '', a.purpose ?? '', Date.parse(a.windowStart) / MINUTE_MS),
                  a.count,
                );
              }
            },
          });
          const naive = new Map<string, number>();
          let seenMinute = Math.floor(START / MINUTE_MS);
          let total = 0;
          for (const s of steps) {
            if ('subject' in s) {
              recorder.note(s.subject, hashOf(s.subject), s.purpose, IDS, 1);
              add(naive, naiveKey(hashOf(s.subject), IDS[s.purpose] as string, seenMinute), 1);
              total++;
            } else if ('advanceMs' in s) {
              clock += s.advanceMs;
              if (s.ticks > 0) seenMinute = Math.floor(clock / MINUTE_MS);
              vi.advanceTimersByTime(1000 * s.ticks);
            } else {
              await recorder.flush();
            }
          }
          await recorder.close();
          let sum = 0;
          for (const n of shipped.values()) sum += n;
          // Tables swap at half full and the send queue holds eight tables' worth (at least 512
          // counts here, more than the steps): nothing may be lost, every count must be exact.
          expect(recorder.lost).toBe(0);
          expect(sum).toBe(total);
          expect(shipped).toEqual(naive);
        },
      ),
      { numRuns: 200 },
    );
  });
});
