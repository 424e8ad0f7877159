import {
  type DurationUnit,
  deadlineForRight,
  deadlineTimeZone,
  getJurisdiction,
  type JurisdictionKey,
  type Manifest,
} from '@pledge/core';
import { type RequestRight, RIGHT_KINDS } from '../workflow/rights.js';

/** When a deadline's clock starts. */
export type ClockStartRule = 'receipt' | 'verification' | 'later-of-receipt-and-verification';

/** An extension a rule allows: `amount` more `unit`s, counted on from the original period. */
export interface ExtensionRule {
  amount: number;
  unit: DurationUnit;
  /** True when the number is Pledge's, not the rule's (a policy allowing "longer" with no number). */
  engineDefault?: boolean;
}

/** One deadline that applies to a request, with where it comes from. */
export interface DeadlineRuleSpec {
  source: 'jurisdiction' | 'manifest' | 'engine-default';
  /** Where it is written: `jurisdiction:eu-gdpr`, `manifest:rights[3].deadline`, `engine-default`. */
  ref: string;
  amount: number;
  unit: DurationUnit;
  clockStart: ClockStartRule;
  /** The jurisdiction whose calendar and time zone count the days (omitted: UTC, Monday to Friday). */
  jurisdiction?: JurisdictionKey;
  /** IANA zone where the days end (see `deadlineTimeZone` in `@pledge/core`). Omitted: the jurisdiction's. */
  timeZone?: string;
  /** The day the clock starts is the first day of the period (CCPA, 11 CCR §7021(b)). */
  countsStartDay?: boolean;
  extension?: ExtensionRule;
  /** Whether the clock stops while the requester is asked to clarify. */
  pausesForClarification: boolean;
}

/**
 * Laws that stop the clock while the controller waits for a clarification it reasonably needs:
 * UK GDPR Art. 12A (Data (Use and Access) Act 2025). The others set no such pause, so their
 * clock runs on (GDPR Art. 12(3), CCPA §1798.130, LGPD Art. 19, PIPL Arts. 45-50); a law not
 * listed sets none (the US state laws, India's DPDP).
 */
export const CLARIFICATION_PAUSE: Readonly<Partial<Record<JurisdictionKey, boolean>>> = {
  'eu-gdpr': false,
  'uk-gdpr': true,
  'us-ca-ccpa': false,
  'cn-pipl': false,
  'br-lgpd': false,
};

/** The deadline used when neither the law nor the policy sets one: 30 days from receipt (GB/T 35273-2020 §8.7). */
export const ENGINE_DEFAULT_DEADLINE: DeadlineRuleSpec = {
  source: 'engine-default',
  ref: 'engine-default',
  amount: 30,
  unit: 'days',
  clockStart: 'receipt',
  pausesForClarification: false,
};

/** What decides the rules of one request. */
export interface RuleContext {
  right: RequestRight;
  /** The requester's jurisdiction, when known. A request is valid without it. */
  jurisdiction?: JurisdictionKey | undefined;
  manifest?: Manifest | undefined;
}

/** The law's deadline for this right (LGPD: 15 days for access only, Art. 19 II). */
function lawDeadline(context: RuleContext) {
  const law = context.jurisdiction ? getJurisdiction(context.jurisdiction) : undefined;
  return law ? deadlineForRight(law, RIGHT_KINDS[context.right]) : undefined;
}

/** Where the days of a rule counted under `key` end: the law's zone, else the controller's. */
function zoneOf(key: JurisdictionKey | undefined, manifest: Manifest | undefined): { timeZone?: string } {
  if (!key && !manifest?.controller.timeZone && !manifest?.controller.country) return {};
  return { timeZone: deadlineTimeZone(key, manifest?.controller) };
}

function jurisdictionRule(context: RuleContext, key: JurisdictionKey): DeadlineRuleSpec | undefined {
  const rule = lawDeadline(context)?.value;
  if (!rule) return undefined;
  return {
    source: 'jurisdiction',
    ref: `jurisdiction:${key}`,
    amount: rule.amount,
    unit: rule.unit,
    clockStart: rule.clockStart,
    jurisdiction: key,
    ...zoneOf(key, context.manifest),
    ...(rule.countsStartDay ? { countsStartDay: true } : {}),
    ...(rule.extension ? { extension: { amount: rule.extension.amount, unit: rule.extension.unit } } : {}),
    pausesForClarification: CLARIFICATION_PAUSE[key] === true,
  };
}

/** Whether the law that counts a rule's days counts the day of receipt (CCPA, 11 CCR §7021(b)). */
function countsStartDay(key: JurisdictionKey | undefined, context: RuleContext): boolean {
  const law = key ? getJurisdiction(key) : undefined;
  return law ? deadlineForRight(law, RIGHT_KINDS[context.right]).value.countsStartDay === true : false;
}

/** The manifest's deadlines for this right and jurisdiction. */
function manifestRules(context: RuleContext, manifest: Manifest): DeadlineRuleSpec[] {
  const kinds: readonly string[] = RIGHT_KINDS[context.right];
  const policyLaws = manifest.policy.jurisdictions;
  const out: DeadlineRuleSpec[] = [];
  manifest.rights.forEach((entry, index) => {
    const deadline = entry.deadline;
    if (!deadline || !kinds.includes(entry.right)) return;
    if (
      context.jurisdiction &&
      entry.jurisdictions.length > 0 &&
      !entry.jurisdictions.includes(context.jurisdiction)
    )
      return;
    // Days are counted on the calendar of the law the request falls under, else the only law the entry or policy names.
    const counting =
      context.jurisdiction ??
      (entry.jurisdictions.length === 1 ? entry.jurisdictions[0] : undefined) ??
      (policyLaws.length === 1 ? policyLaws[0] : undefined);
    const extension = deadline.extension;
    out.push({
      source: 'manifest',
      ref: `manifest:rights[${index}].deadline`,
      amount: deadline.amount,
      unit: deadline.unit,
      clockStart: deadline.clockStart ?? 'receipt',
      ...(counting ? { jurisdiction: counting } : {}),
      ...zoneOf(counting, manifest),
      ...(countsStartDay(counting, context) ? { countsStartDay: true } : {}),
      ...(extension
        ? {
            extension:
              extension.amount !== undefined
                ? { amount: extension.amount, unit: extension.unit ?? deadline.unit }
                : { amount: deadline.amount, unit: deadline.unit, engineDefault: true },
          }
        : {}),
      pausesForClarification: counting ? CLARIFICATION_PAUSE[counting] === true : false,
    });
  });
  return out;
}

/**
 * Every deadline that binds a request: the jurisdiction's for this right (its own deadline where
 * the law sets one, e.g. LGPD Art. 19 II for access) and the manifest's. Days end in the law's
 * zone, else the controller's (see `deadlineTimeZone`); a law that counts the day of receipt
 * (CCPA) marks the rule, the policy's rules counted under it included.
 * A jurisdiction number Pledge supplies where the law sets none (PIPL "timely", LGPD Art. 18 §4
 * "immediately" for rights other than access) gives way to the
 * policy's own number; with no rule at all, {@link ENGINE_DEFAULT_DEADLINE} applies.
 */
export function deadlineRules(context: RuleContext): DeadlineRuleSpec[] {
  const law = context.jurisdiction ? jurisdictionRule(context, context.jurisdiction) : undefined;
  const fromManifest = context.manifest ? manifestRules(context, context.manifest) : [];
  const lawIsDefault = lawDeadline(context)?.value.origin === 'engine-default';
  const rules = [...(law && !(lawIsDefault && fromManifest.length > 0) ? [law] : []), ...fromManifest];
  return rules.length > 0 ? rules : [ENGINE_DEFAULT_DEADLINE];
}
