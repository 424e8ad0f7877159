import type { JurisdictionKey } from '../schema/common.js';
import { JURISDICTION_KEYS } from '../vocabulary.js';

/** A value normalised by `perJurisdiction`: a default plus optional overrides. */
export type PerJurisdictionValue<T> = { default: T } & { [K in JurisdictionKey]?: T | undefined };

/** Jurisdictions in the schema's order, the order overrides are listed in. */
const ORDER: readonly JurisdictionKey[] = JURISDICTION_KEYS;

/** The value that applies in one jurisdiction: its override, else the default. */
export function valueFor<T>(value: PerJurisdictionValue<T>, jurisdiction: JurisdictionKey): T {
  return value[jurisdiction] ?? value.default;
}

/**
 * The key that holds the value for `jurisdiction`: the jurisdiction when it has an override,
 * else `default`. Points a finding at the exact manifest path.
 */
export function keyFor<T>(
  value: PerJurisdictionValue<T>,
  jurisdiction: JurisdictionKey,
): JurisdictionKey | 'default' {
  return value[jurisdiction] !== undefined ? jurisdiction : 'default';
}

/** The overrides, in the schema's jurisdiction order. */
export function overridesOf<T>(value: PerJurisdictionValue<T>): Array<[JurisdictionKey, T]> {
  return ORDER.flatMap((key) => {
    const v = value[key];
    return v === undefined ? [] : [[key, v] as [JurisdictionKey, T]];
  });
}
