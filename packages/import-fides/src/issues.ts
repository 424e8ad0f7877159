import { formatPath, type Issue, type Severity } from '@pledge/core';

/** A path in the fideslang input, e.g. `['dataset', 0, 'collections', 2]`. */
export type Path = ReadonlyArray<string | number>;

/** Collects the issues of one import. Messages name fields, never their values. */
export class IssueList {
  readonly items: Issue[] = [];

  add(code: string, severity: Severity, path: Path, message: string): void {
    this.items.push({ code: `fides.${code}`, severity, path: formatPath(path), message });
  }

  get hasErrors(): boolean {
    return this.items.some((issue) => issue.severity === 'error');
  }
}

/** A plain object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An own property, so that keys such as `constructor` never reach the prototype. */
export function own(record: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** A non-empty string, or undefined. */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
