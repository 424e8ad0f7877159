import type { Jurisdiction } from '../types.js';
import { buildStateJurisdiction } from './build-state.js';
import { rowsCoToMt } from './rows-co-mt.js';
import { rowsNeToVa } from './rows-ne-va.js';
import type { UsStateKey } from './state-row.js';

/** The US state laws built from the table, by key. */
export const usStates = Object.fromEntries(
  [...rowsCoToMt, ...rowsNeToVa].map((row) => [row.key, buildStateJurisdiction(row)]),
) as Record<UsStateKey, Jurisdiction>;

export type { StateRow, UsStateKey } from './state-row.js';
