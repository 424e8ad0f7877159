import { expect } from 'vitest';
import { citationProblems } from '../../src/jurisdictions/citation-check.js';
import type { Fact } from '../../src/jurisdictions/types.js';

/** The shared US model's request deadline: 45 days from receipt, set by statute. */
export const FORTY_FIVE_PLUS_45 = { amount: 45, unit: 'days', clockStart: 'receipt', origin: 'statute' };

/** The fact cites `ref`, has the status `level`, and its citation passes the verification rule. */
export function expectLevel(fact: Fact<unknown> | undefined, ref: string, level: string): void {
  expect(fact?.cite.verification, ref).toBe(level);
  expect(fact?.cite.ref, ref).toContain(ref);
  if (fact) expect(citationProblems(fact.cite), ref).toEqual([]);
}

/** The fact cites `ref`, is `verified`, and its citation passes the verification rule. */
export function expectVerified(fact: Fact<unknown> | undefined, ref: string): void {
  expectLevel(fact, ref, 'verified');
}
