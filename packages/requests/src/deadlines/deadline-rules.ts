import { type DurationUnit, getJurisdiction, type JurisdictionKey, type Manifest } from '@pledge/core';
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

function jurisdictionRule(key: JurisdictionKey): DeadlineRuleSpec | undefined {
  const law = getJurisdiction(key);
  if (!law) return undefined;
  const rule = law.requestDeadline.value;
  return {
    source: 'jurisdiction',
    ref: `jurisdiction:${key}`,
    amount: rule.amount,
    unit: rule.unit,
    clockStart: rule.clockStart,
    jurisdiction: key,
    ...(rule.extension ? { extension: { amount: rule.extension.amount, unit: rule.extension.unit } } : {}),
    pausesForClarification: CLARIFICATION_PAUSE[key] === true,
  };
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
 * Every deadline that binds a request: the jurisdiction's and the manifest's for this right.
 * A jurisdiction number Pledge supplies where the law sets none (PIPL "timely") gives way to the
 * policy's own number; with no rule at all, {@link ENGINE_DEFAULT_DEADLINE} applies.
 */
export function deadlineRules(context: RuleContext): DeadlineRuleSpec[] {
  const law = context.jurisdiction ? jurisdictionRule(context.jurisdiction) : undefined;
  const fromManifest = context.manifest ? manifestRules(context, context.manifest) : [];
  const lawIsDefault =
    context.jurisdiction !== undefined &&
    getJurisdiction(context.jurisdiction)?.requestDeadline.value.origin === 'engine-default';
  const rules = [...(law && !(lawIsDefault && fromManifest.length > 0) ? [law] : []), ...fromManifest];
  return rules.length > 0 ? rules : [ENGINE_DEFAULT_DEADLINE];
}
