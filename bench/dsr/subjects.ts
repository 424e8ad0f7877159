import { type KnownSubject, knownSubject } from '@pledge/refdata';

/** Two subjects with the same rows per collection: one for Pledge, one for the baseline. */
export interface SubjectPair {
  pledge: KnownSubject;
  baseline: KnownSubject;
  /** False when no exact twin was left and the closest shape was taken (tiny scales). */
  sameShape: boolean;
}

/** Rows, keys and files of a subject in all. */
export function totalRows(subject: KnownSubject): number {
  return Object.values(subject.rows).reduce((sum, n) => sum + n, 0);
}

function shapeKey(subject: KnownSubject): string {
  return Object.entries(subject.rows)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([collection, n]) => `${collection}=${n}`)
    .join(',');
}

/**
 * Picks `count` pairs of subjects. Both members of a pair have exactly the same number of
 * rows in every collection when such twins exist (they do from a few thousand subjects
 * on), else the nearest total. No two picked subjects are neighbours: erasing subject i
 * deletes the shares subject i+1 made with it and its own shares with subject i-1, which
 * would change those subjects' counts. Subjects 0 and scale-1 are left out. Pairs are
 * drawn from across the whole range, so they do not all sit in one part of the tables.
 */
export function pickPairs(scale: number, seed: number, count: number): SubjectPair[] {
  // Past 20,000 subjects, candidates are every step-th subject: enough twins, and cheap.
  const step = Math.max(1, Math.floor(scale / 20_000));
  const candidates: KnownSubject[] = [];
  for (let i = 1; i < scale - 1; i += step) candidates.push(knownSubject('camera-app', i, seed, scale));
  const taken = new Set<number>();
  const free = (s: KnownSubject) => !taken.has(s.index) && !taken.has(s.index - 1) && !taken.has(s.index + 1);
  const take = (a: KnownSubject, b: KnownSubject) => {
    taken.add(a.index);
    taken.add(b.index);
  };
  const pairs: SubjectPair[] = [];

  const groups = new Map<string, KnownSubject[]>();
  for (const s of candidates) {
    const key = shapeKey(s);
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  // Spread the twins over the range: order groups by the index of their first member, then
  // stride through that order.
  const twins = [...groups.values()].filter((g) => g.length >= 2).sort((a, b) => a[0]!.index - b[0]!.index);
  const stride = Math.max(1, Math.floor(twins.length / Math.max(1, count)));
  const order = [...twins.keys()].sort((a, b) => (a % stride) - (b % stride) || a - b);
  for (const at of order) {
    if (pairs.length >= count) break;
    const members = twins[at]!.filter(free);
    const first = members[0];
    const second = members.find((s) => s !== first && Math.abs(s.index - (first?.index ?? 0)) > 1);
    if (first && second) {
      take(first, second);
      pairs.push({ pledge: first, baseline: second, sameShape: true });
    }
  }

  const rest = candidates.filter(free).sort((a, b) => totalRows(a) - totalRows(b) || a.index - b.index);
  for (let i = 0; i + 1 < rest.length && pairs.length < count; i++) {
    const a = rest[i]!;
    if (!free(a)) continue;
    const b = rest.slice(i + 1).find((s) => free(s) && Math.abs(s.index - a.index) > 1);
    if (!b) continue;
    take(a, b);
    pairs.push({ pledge: a, baseline: b, sameShape: shapeKey(a) === shapeKey(b) });
  }
  if (pairs.length < count) {
    throw new Error(`scale ${scale} is too small for ${count} pairs of non-adjacent subjects`);
  }
  // The lower index went first in each pair: give it to each lane in turn.
  return pairs.map((p, i) => (i % 2 === 0 ? p : { ...p, pledge: p.baseline, baseline: p.pledge }));
}
