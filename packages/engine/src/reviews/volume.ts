/** How volume outliers are found: see {@link volumeThreshold}. */
export interface VolumeRule {
  /** How many median absolute deviations above the median an actor's volume may reach. */
  readonly madFactor: number;
  /** When the volumes hardly vary (deviation 0): how many times the median an actor may reach. */
  readonly medianMultiple: number;
  /** Volumes below this are never outliers (three lookups against one is not a pattern). */
  readonly minimum: number;
}

/** 3 deviations, else 3 times the median; at least 20 accesses. */
export const DEFAULT_VOLUME_RULE: VolumeRule = { madFactor: 3, medianMultiple: 3, minimum: 20 };

/** The median of some numbers (0 for none). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** The median absolute deviation from the median. */
export function medianAbsoluteDeviation(values: readonly number[]): number {
  const centre = median(values);
  return median(values.map((value) => Math.abs(value - centre)));
}

/**
 * The volume above which an actor stands out: median + `madFactor` × MAD, or, when the
 * deviation is 0 (most actors alike), `medianMultiple` × median. The median and MAD resist the
 * outliers themselves, unlike a mean and standard deviation.
 */
export function volumeThreshold(volumes: readonly number[], rule: VolumeRule): number {
  const centre = median(volumes);
  const deviation = medianAbsoluteDeviation(volumes);
  const threshold = deviation > 0 ? centre + rule.madFactor * deviation : centre * rule.medianMultiple;
  return Math.max(threshold, rule.minimum - 1);
}
