import type { Rng } from './prng.js';

/**
 * Obviously synthetic values. No value here can belong to a real person: e-mail addresses
 * are under the reserved `example.test` domain, phone numbers use the unassigned `+00`
 * prefix, IP addresses come from the documentation ranges (RFC 5737), and surnames are
 * made-up words that say they are test data.
 */

const GIVEN = [
  'Alex',
  'Bo',
  'Chen',
  'Dana',
  'Eli',
  'Fatima',
  'Goran',
  'Hana',
  'Ivan',
  'Jia',
  'Kofi',
  'Lena',
  'Mateo',
  'Nia',
  'Omar',
  'Priya',
  'Quinn',
  'Rui',
  'Sofia',
  'Tao',
  'Uma',
  'Viktor',
  'Wei',
  'Xin',
  'Yara',
  'Zoe',
] as const;

const SURNAMES = [
  'Sample',
  'Example',
  'Testcase',
  'Fixture',
  'Mockwell',
  'Dummyfield',
  'Placeholder',
  'Synthetic',
  'Nullman',
  'Seedling',
  'Fakeley',
  'Stubworth',
] as const;

/** Start of the synthetic timeline: every timestamp falls between this and {@link TIME_END}. */
export const TIME_START = Date.UTC(2024, 0, 1);
/** End of the synthetic timeline. */
export const TIME_END = Date.UTC(2025, 11, 31);
const DAY = 86_400_000;

/** A synthetic person's name parts. */
export interface FakeName {
  given: string;
  surname: string;
}

export function fakeName(rng: Rng): FakeName {
  return { given: rng.pick(GIVEN), surname: rng.pick(SURNAMES) };
}

/** A unique address: the subject index makes it unique, the domain makes it undeliverable. */
export function fakeEmail(name: FakeName, index: number, domain = 'example.test'): string {
  return `${name.given}.${name.surname}.${index}@${domain}`.toLowerCase();
}

/** A unique number under the unassigned `+00` country code, e.g. `+00 1 000 000 042` without spaces. */
export function fakePhone(index: number, series = 1): string {
  return `+00${series}${String(index).padStart(9, '0')}`;
}

/** An IPv4 address in the documentation ranges 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24. */
export function fakeIp(rng: Rng): string {
  const net = rng.pick(['192.0.2', '198.51.100', '203.0.113']);
  return `${net}.${rng.int(1, 254)}`;
}

const USER_AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
  'Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148',
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36',
] as const;

export function fakeUserAgent(rng: Rng): string {
  return rng.pick(USER_AGENTS);
}

/** A password hash in the PHC shape that verifies nothing: the salt and hash are random hex. */
export function fakePasswordHash(rng: Rng): string {
  return `$argon2id$v=19$m=65536,t=3,p=4$${rng.hex(22)}$${rng.hex(43)}`;
}

/** A millisecond instant uniformly in [from, to]. */
export function instantBetween(rng: Rng, from: number, to: number): number {
  return from + Math.floor(rng.next() * Math.max(0, to - from));
}

/** A sign-up instant in the first year of the timeline. */
export function signUpInstant(rng: Rng): number {
  return instantBetween(rng, TIME_START, TIME_START + 365 * DAY);
}

/** An instant after `from`, before the end of the timeline. */
export function laterInstant(rng: Rng, from: number): number {
  return instantBetween(rng, from, TIME_END);
}

/** ISO 8601 in UTC with milliseconds, which PostgreSQL reads as timestamptz. */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}

/** `YYYY-MM-DD HH:MM:SS` in UTC, which MariaDB reads as DATETIME in strict mode. */
export function sqlDateTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/** File content with a format's magic bytes, a marker line and random padding: small, and valid enough to sniff. */
export function fakeBlob(rng: Rng, kind: 'jpeg' | 'opus' | 'pdf', size: number): Uint8Array {
  const marker = new TextEncoder().encode(`\nPLEDGE SYNTHETIC TEST DATA (${kind})\n`);
  const head =
    kind === 'jpeg'
      ? Uint8Array.of(0xff, 0xd8, 0xff, 0xe0)
      : new TextEncoder().encode(kind === 'opus' ? 'OggS' : '%PDF-1.4\n');
  const tail =
    kind === 'jpeg' ? Uint8Array.of(0xff, 0xd9) : new TextEncoder().encode(kind === 'pdf' ? '%%EOF\n' : '');
  const padding = rng.bytes(Math.max(0, size - head.length - marker.length - tail.length));
  const out = new Uint8Array(head.length + marker.length + padding.length + tail.length);
  out.set(head, 0);
  out.set(marker, head.length);
  out.set(padding, head.length + marker.length);
  out.set(tail, head.length + marker.length + padding.length);
  return out;
}
