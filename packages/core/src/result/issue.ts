/** Severity of a finding. */
export type Severity = 'error' | 'warning' | 'info';

/**
 * An expected problem, returned as a value: a stable `code`, the manifest `path`
 * it concerns, and a message that never contains personal data.
 */
export interface Issue {
  code: string;
  severity: Severity;
  /** Dotted path with indexes, e.g. `purposes[2].legalBasis.default`. */
  path: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

/** Formats a path array as `a.b[0].c`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || '(root)';
}
