type Plain = Record<string, unknown>;

function isPlain(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Keys that identify a list entry: `id`, or `right` for the entries of `rights`. */
const IDENTITY_KEYS = ['id', 'right'] as const;

function identity(value: unknown): string | undefined {
  if (!isPlain(value)) return undefined;
  for (const key of IDENTITY_KEYS) {
    if (typeof value[key] === 'string') return `${key}:${value[key]}`;
  }
  return undefined;
}

function mergeList(base: unknown[], patch: unknown[]): unknown[] {
  if (patch.length === 0 || !patch.every((item) => identity(item) !== undefined)) {
    return patch.map((item) => mergeValue(undefined, item));
  }
  const out = [...base];
  const merged = new Set<number>();
  for (const item of patch) {
    // Each base entry takes at most one patch entry, so a patch can add a duplicate id.
    const key = identity(item);
    const at = base.findIndex((entry, index) => !merged.has(index) && identity(entry) === key);
    if (at === -1) {
      out.push(mergeValue(undefined, item));
    } else {
      merged.add(at);
      out[at] = mergeValue(out[at], item);
    }
  }
  return out;
}

function mergeValue(base: unknown, patch: unknown): unknown {
  if (Array.isArray(patch)) return mergeList(Array.isArray(base) ? base : [], patch);
  if (isPlain(patch)) {
    const out: Plain = isPlain(base) ? { ...base } : {};
    for (const [key, value] of Object.entries(patch)) {
      if (value === null) delete out[key];
      else out[key] = mergeValue(out[key], value);
    }
    return out;
  }
  return patch;
}

/**
 * Merges a patch into a base document without changing either: objects merge key by key,
 * `null` removes a key, list entries with an `id` (entries of `rights`: a `right`) merge into
 * the first base entry with the same value (or are appended; a second patch entry with the same
 * value is appended too), and other lists replace the base list.
 */
export function applyPatch<T>(base: T, patch: unknown): T {
  return mergeValue(base, patch) as T;
}
