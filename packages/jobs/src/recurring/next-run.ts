/**
 * The first slot `anchor + k * everyMs` (k >= 0) strictly after `after`, or at `anchor`
 * when that is still ahead. Slots are fixed by the anchor, so a late tick does not drift the
 * schedule, and runs missed while nothing was ticking collapse into the one that fires.
 */
export function nextSlotAfter(anchor: Date, everyMs: number, after: Date): Date {
  const a = anchor.getTime();
  const t = after.getTime();
  if (a > t) return new Date(a);
  const k = Math.floor((t - a) / everyMs) + 1;
  return new Date(a + k * everyMs);
}

/** The first slot at or after `at` (a schedule defined now fires now when a slot falls now). */
export function firstSlotFrom(anchor: Date, everyMs: number, at: Date): Date {
  const a = anchor.getTime();
  const t = at.getTime();
  if (a >= t) return new Date(a);
  const k = Math.ceil((t - a) / everyMs);
  return new Date(a + k * everyMs);
}
