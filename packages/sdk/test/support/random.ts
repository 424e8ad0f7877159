import { LEDGER_EVENT_TYPES } from '@pledge/protocol';
import type { ConsentEventInput, DecideRequest } from '../../src/index.js';

/** A small seeded PRNG (mulberry32): the same seed gives the same subjects and requests. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PURPOSES = ['security', 'account', 'newsletter', 'ads', 'analytics', 'health-tips', 'kids-club'];
const CATEGORIES = ['email', 'name', 'location', 'health', 'device-id', 'browsing', 'order-notes'];
const RECIPIENTS = ['mailer', 'adnet', 'cn-courier', 'stats'];
const JURISDICTIONS = ['eu-gdpr', 'us-ca-ccpa', 'cn-pipl'] as const;
const TYPES = LEDGER_EVENT_TYPES;
const MODES = ['implied', 'opt-in', 'separate', 'opt-out', 'none', 'guardian'] as const;

/** Random picks over the shop fixture's ids (plus unknown ones now and then). */
export class Picker {
  constructor(readonly next: () => number) {}

  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  one<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  some<T>(items: readonly T[], max = items.length): T[] {
    const out = new Set<T>();
    const n = 1 + this.int(max);
    for (let i = 0; i < n; i++) out.add(this.one(items));
    return [...out];
  }

  purpose(): string {
    return this.chance(0.05) ? 'no-such-purpose' : this.one(PURPOSES);
  }

  /** A consent event with a random type, targets and time (some share a timestamp). */
  event(): ConsentEventInput {
    const type = this.one(TYPES);
    const event: ConsentEventInput = {
      type,
      occurredAt: new Date(Date.UTC(2025, 0, 1 + this.int(20), this.int(3))).toISOString(),
    };
    if (type === 'signal-seen') return { ...event, signal: this.one(['gpc', 'dnt'] as const) };
    if (type === 'policy-accepted') return event;
    // Only declared purposes: the server refuses an event naming another (a request may still).
    if (!this.chance(0.2)) event.purposes = this.some(PURPOSES, 3);
    if ((type === 'restriction' || type === 'restriction-lifted') && this.chance(0.5)) {
      event.categories = this.some(CATEGORIES, 2);
    }
    if (type === 'consent-given' && this.chance(0.8)) event.consentMode = this.one(MODES);
    return event;
  }

  /** A decision request with random purpose, categories, recipient, jurisdiction, country and facts. */
  request(subject: string | undefined): DecideRequest {
    const request: DecideRequest = {
      ...(subject === undefined ? {} : { subject }),
      purpose: this.purpose(),
      categories: this.some(this.chance(0.05) ? [...CATEGORIES, 'no-such-category'] : CATEGORIES, 3),
    };
    if (this.chance(0.3)) request.recipient = this.chance(0.1) ? 'no-such-recipient' : this.one(RECIPIENTS);
    if (this.chance(0.2)) request.jurisdiction = this.one(JURISDICTIONS);
    if (this.chance(0.15)) request.destinationCountry = this.one(['US', 'CN', 'DE', 'JP']);
    if (this.chance(0.8)) {
      request.facts = {};
      if (this.chance(0.8)) request.facts.jurisdiction = this.one(JURISDICTIONS);
      if (this.chance(0.3)) request.facts.age = this.int(40);
      if (this.chance(0.3)) request.facts.gpc = this.chance(0.5);
      if (this.chance(0.3)) request.facts.dnt = this.chance(0.5);
    }
    return request;
  }
}
