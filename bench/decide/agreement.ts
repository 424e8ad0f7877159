import type { Answer, Engine } from './engines/types.js';
import type { RequestStream } from './population.js';

/**
 * Engines that decide per category report the consent failure of the first failing
 * category (`deny.no-consent` or `deny.separate-consent-required`); Pledge reports the consent the
 * whole request needs. Either is a correct reason; the difference is counted apart.
 */
const CONSENT_KINDS: ReadonlySet<string> = new Set(['deny.no-consent', 'deny.separate-consent-required']);

/** How one engine's answers compare with Pledge's on the same requests. */
export interface Agreement {
  engine: string;
  checked: number;
  allowed: number;
  /** Requests where allow/deny differs from Pledge's. */
  disagreements: number;
  /** Reasons Pledge does not give for that request (allow reason differs, or a deny reason Pledge does not list). */
  reasonMismatches: number;
  /** Consent-failure kind differs only because the engine decides per category (see above). */
  documentedReasonDifferences: number;
  /** First few differences, described by request index and ids (no subject data). */
  examples: string[];
}

/** Compares every engine with `reference` (Pledge) on requests `0..count`. */
export function checkAgreement(
  reference: Engine,
  engines: readonly Engine[],
  requests: RequestStream,
  count: number,
): Agreement[] {
  const expected: Answer[] = [];
  for (let i = 0; i < count; i++) expected.push(reference.answer(i));
  return engines.map((engine) => {
    const result: Agreement = {
      engine: engine.name,
      checked: count,
      allowed: 0,
      disagreements: 0,
      reasonMismatches: 0,
      documentedReasonDifferences: 0,
      examples: [],
    };
    for (let i = 0; i < count; i++) {
      const want = expected[i]!;
      const got = engine.answer(i);
      if (got.allowed) result.allowed++;
      const describe = () =>
        `#${i} ${requests.byId[i]!.purpose} [${requests.byId[i]!.categories.join(', ')}]: ` +
        `${engine.name} ${got.allowed ? 'allow' : 'deny'} (${got.reasons.join(', ')}), ` +
        `Pledge ${want.allowed ? 'allow' : 'deny'} (${want.reasons.join(', ')})`;
      if (got.allowed !== want.allowed) {
        result.disagreements++;
        if (result.examples.length < 5) result.examples.push(describe());
        continue;
      }
      const verdict = reasonVerdict(got, want);
      if (verdict === 'documented') result.documentedReasonDifferences++;
      else if (verdict === 'mismatch') {
        result.reasonMismatches++;
        if (result.examples.length < 5) result.examples.push(describe());
      }
    }
    return result;
  });
}

function reasonVerdict(got: Answer, want: Answer): 'same' | 'documented' | 'mismatch' {
  if (got.allowed) return got.reasons[0] === want.reasons[0] ? 'same' : 'mismatch';
  let documented = false;
  for (const reason of got.reasons) {
    if (want.reasons.includes(reason)) continue;
    if (CONSENT_KINDS.has(reason) && want.reasons.some((r) => CONSENT_KINDS.has(r))) documented = true;
    else return 'mismatch';
  }
  return documented ? 'documented' : 'same';
}
