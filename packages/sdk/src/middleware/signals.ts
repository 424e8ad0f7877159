/** Privacy signals a request carries. */
export interface RequestSignals {
  /** `Sec-GPC: 1`: Global Privacy Control. */
  gpc: boolean;
  /** `DNT: 1`: Do Not Track. */
  dnt: boolean;
}

/** Request headers as Node gives them (names lower-cased). */
export type HeaderBag = Readonly<Record<string, string | string[] | number | undefined>>;

/**
 * Reads `Sec-GPC` and `DNT`. Only the exact value `1` counts (the GPC spec defines no other);
 * repeated headers, other values and junk count as no signal. Never throws.
 */
export function readSignals(headers: HeaderBag | undefined): RequestSignals {
  return { gpc: isOne(headers?.['sec-gpc']), dnt: isOne(headers?.dnt) };
}

function isOne(value: unknown): boolean {
  return value === '1';
}
