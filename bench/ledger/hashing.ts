import { randomUUID } from 'node:crypto';
import { chainHash, subjectHash } from '@pledge/store';
import type { Random } from '../lib/random.js';
import { nowNs, sinceNs } from '../lib/timing.js';
import { consentEvents } from './events.js';

/** CPU cost per event of what `appendEvents` computes in JavaScript before it talks to the database. */
export interface HashingFigures {
  events: number;
  /** Keyed subject hash (HMAC-SHA-256). */
  subjectHashNs: number;
  /** Chain hash (canonical JSON + SHA-256) and the event UUID. */
  chainHashNs: number;
  /** Both: the most events per second one core could hash. */
  totalNs: number;
  ceilingEventsPerSec: number;
}

/** Times the hashing `appendEvents` does per event, without any database. */
export function measureHashing(random: Random, count: number): HashingFigures {
  const events = consentEvents(random, count);
  const key = 'bench-hashing-key';
  let sink = 0;
  const run = () => {
    let prev = 'genesis';
    const subjectStart = nowNs();
    const hashes = events.map((event) => subjectHash(key, event.subject));
    const subjectNs = sinceNs(subjectStart);
    const chainStart = nowNs();
    events.forEach((event, i) => {
      prev = chainHash(
        {
          seq: i + 1,
          id: randomUUID(),
          subjectHash: hashes[i]!,
          type: event.type,
          purposes: event.purposes ?? [],
          categories: event.categories ?? [],
          consentMode: event.consentMode ?? null,
          method: event.method,
          source: event.source,
          jurisdiction: event.jurisdiction ?? null,
          policyVersion: event.policyVersion,
          policyHash: event.policyHash,
          noticeHash: event.noticeHash ?? null,
          actor: event.actor,
          signal: event.signal ?? null,
          occurredAt: new Date(event.occurredAt ?? 0),
        },
        prev,
      );
    });
    sink += prev.length;
    return { subjectNs, chainNs: sinceNs(chainStart) };
  };
  run();
  const { subjectNs, chainNs } = run();
  const subjectHashNs = subjectNs / count;
  const chainHashNs = chainNs / count;
  const totalNs = subjectHashNs + chainHashNs + (sink > 0 ? 0 : 1);
  return {
    events: count,
    subjectHashNs: Math.round(subjectHashNs),
    chainHashNs: Math.round(chainHashNs),
    totalNs: Math.round(totalNs),
    ceilingEventsPerSec: Math.round(1e9 / totalNs),
  };
}
