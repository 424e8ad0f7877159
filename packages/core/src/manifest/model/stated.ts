/** Splits `a.b[2].c` into `['a', 'b', 2, 'c']`. */
function segments(path: string): Array<string | number> {
  const out: Array<string | number> = [];
  for (const part of path.split('.')) {
    const match = /^([^[]*)((?:\[\d+\])*)$/.exec(part);
    if (!match) return [];
    if (match[1]) out.push(match[1]);
    for (const index of match[2]?.matchAll(/\[(\d+)\]/g) ?? []) out.push(Number(index[1]));
  }
  return out;
}

/**
 * Whether the value at `path` (`signals.globalPrivacyControl`, `trackers[2].essential`) is
 * present. On a validated manifest, promise-like fields are absent exactly when the source
 * document leaves them out.
 */
export function stated(value: unknown, path: string): boolean {
  let node: unknown = value;
  for (const key of segments(path)) {
    if (node === null || typeof node !== 'object') return false;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node !== undefined;
}
