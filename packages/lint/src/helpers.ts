import {
  type ConsentMode,
  type Duration,
  deadlineForRight,
  type Jurisdiction,
  type JurisdictionKey,
  keyFor,
  type LocalText,
  type Purpose,
  type RightKind,
  type StatutoryDeadline,
} from '@pledge/core';
import type { LintContext } from './context.js';

/** The texts of a {@link LocalText} with the path suffix each sits at (`''` for a plain string). */
export function localTexts(text: LocalText): Array<{ suffix: string; value: string }> {
  if (typeof text === 'string') return [{ suffix: '', value: text }];
  const out: Array<{ suffix: string; value: string }> = [];
  for (const [lang, value] of Object.entries(text)) {
    if (typeof value === 'string') out.push({ suffix: `.${lang}`, value });
  }
  return out;
}

/**
 * For each of the policy's jurisdictions, the legal basis and consent mode a purpose has there,
 * with the keys (`default` or the jurisdiction) those values come from.
 */
export function purposeIn(ctx: LintContext, purpose: Purpose) {
  return ctx.jurisdictions.map((jurisdiction) => ({
    jurisdiction,
    basis: ctx.valueIn(purpose.legalBasis, jurisdiction.key),
    basisKey: keyFor(purpose.legalBasis, jurisdiction.key),
    consent: ctx.valueIn(purpose.consent, jurisdiction.key),
    consentKey: keyFor(purpose.consent, jurisdiction.key),
  }));
}

const CONSENT_STRENGTH: Record<ConsentMode, number> = {
  none: 0,
  implied: 1,
  'opt-out': 2,
  'opt-in': 3,
  separate: 4,
  guardian: 4,
};

/** Orders consent modes from none (0) to separate or guardian consent (4). */
export function consentStrength(mode: ConsentMode): number {
  return CONSENT_STRENGTH[mode];
}

/** Consent modes under which the subject actively agrees before processing. */
export const ACTIVE_CONSENT: ReadonlySet<ConsentMode> = new Set(['opt-in', 'separate', 'guardian']);

/** Ids of the categories the given purposes use (unknown purpose ids are skipped). */
function categoriesOfPurposes(ctx: LintContext, purposeIds: ReadonlyArray<string>): Set<string> {
  const out = new Set<string>();
  for (const id of purposeIds)
    for (const category of ctx.purposes.get(id)?.categories ?? []) out.add(category);
  return out;
}

/**
 * The declared categories an entry lists that none of its declared purposes uses, each with its
 * index in the entry's `categories`. None when the entry lists no declared purpose.
 */
export function categoriesOutsidePurposes(
  ctx: LintContext,
  entry: { purposes: ReadonlyArray<string>; categories: ReadonlyArray<string> },
): Array<{ category: string; index: number }> {
  const known = entry.purposes.filter((id) => ctx.purposes.has(id));
  if (known.length === 0) return [];
  const allowed = categoriesOfPurposes(ctx, known);
  return entry.categories.flatMap((category, index) =>
    ctx.categories.has(category) && !allowed.has(category) ? [{ category, index }] : [],
  );
}

/** Rights treated as the same right when checking what a law grants (`know` is CCPA's access). */
const SAME_RIGHT: Partial<Record<RightKind, RightKind[]>> = { access: ['know'], know: ['access'] };

/** True when the policy grants `right` (or its equivalent) to subjects in `jurisdiction`. */
export function grantsRight(ctx: LintContext, right: RightKind, jurisdiction: JurisdictionKey): boolean {
  const kinds = [right, ...(SAME_RIGHT[right] ?? [])];
  return ctx.manifest.rights.some(
    (granted) =>
      kinds.includes(granted.right) &&
      (granted.jurisdictions.length === 0 || granted.jurisdictions.includes(jurisdiction)),
  );
}

/** True when the law of `jurisdiction` grants `right` (or its equivalent). */
export function lawGrants(jurisdiction: Jurisdiction, right: RightKind): boolean {
  const kinds = [right, ...(SAME_RIGHT[right] ?? [])];
  return jurisdiction.rights.value.some((granted) => kinds.includes(granted));
}

/** Rights whose exercise is not a request answered within a deadline. */
const NO_DEADLINE: ReadonlySet<RightKind> = new Set(['complaint', 'withdraw-consent']);

/**
 * The deadline a jurisdiction sets for answering a request to use `right`, or undefined when
 * the right is not a deadline-bound request there (not granted by that law, a complaint to a
 * regulator, or a withdrawal of consent, which takes effect at once). A right with a deadline of
 * its own (LGPD Art. 19 II: access) gets it; the others get the law's general one.
 */
export function statutoryDeadline(jurisdiction: Jurisdiction, right: RightKind) {
  if (NO_DEADLINE.has(right) || !lawGrants(jurisdiction, right)) return undefined;
  if ((right === 'opt-out-sale' || right === 'limit-sensitive') && jurisdiction.optOutDeadline) {
    return jurisdiction.optOutDeadline;
  }
  return deadlineForRight(jurisdiction, [right, ...(SAME_RIGHT[right] ?? [])]);
}

/**
 * Bounds, in calendar days, of the time a duration can span. Working and business days depend
 * on where the count starts and on public holidays, so their bounds allow for weekends and,
 * for working days, up to ten days of holidays.
 */
export function calendarDayBounds(duration: Pick<Duration, 'amount' | 'unit'>): [number, number] {
  const n = duration.amount;
  switch (duration.unit) {
    case 'hours':
      return [n / 24, n / 24];
    case 'days':
      return [n, n];
    case 'weeks':
      return [7 * n, 7 * n];
    case 'business-days':
      return [n + 2 * Math.floor((n - 1) / 5), n + 2 * Math.ceil(n / 5) + 2];
    case 'working-days':
      return [n + 2 * Math.floor((n - 1) / 5), n + 2 * Math.ceil(n / 5) + 12];
    case 'months':
      return [30 * n - 2, 31 * n];
    case 'years':
      return [365 * n, 366 * n];
  }
}

/** Formats a duration for messages, e.g. `15 working-days`, `1 month`. */
export function formatDuration(duration: Pick<StatutoryDeadline, 'amount' | 'unit'>): string {
  const unit = duration.amount === 1 ? duration.unit.replace(/s$/, '') : duration.unit;
  return `${duration.amount} ${unit}`;
}
