import { change } from './change.js';
import { formatDuration } from './duration.js';
import type { Change, DiffPair } from './types.js';

type Json = unknown;
type Segment = string | number;

/** Longest value quoted in a message; longer texts are cut. */
const QUOTE_LIMIT = 60;

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isDuration(value: Json): value is { amount: number; unit: string } {
  return isObject(value) && Object.keys(value).sort().join() === 'amount,unit';
}

function equal(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => equal(v, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => equal(a[k], b[k]));
  }
  return false;
}

function pathOf(segments: readonly Segment[]): string {
  let out = '';
  for (const s of segments) out += typeof s === 'number' ? `[${s}]` : out ? `.${s}` : s;
  return out || '(root)';
}

/** A value as a short quote for a message: policy text, never personal data. */
function quote(value: Json): string {
  if (value === undefined) return 'unset';
  if (isDuration(value)) return formatDuration(value as never);
  const text = JSON.stringify(value) ?? 'unset';
  return text.length > QUOTE_LIMIT ? `${text.slice(0, QUOTE_LIMIT - 1)}…` : text;
}

/** The key an entry of a list is matched by across versions: its id, a right's kind and jurisdictions. */
function entryKey(value: Json): string | undefined {
  if (!isObject(value)) return undefined;
  if (typeof value.id === 'string') return `id:${value.id}`;
  if (typeof value.right === 'string')
    return `right:${value.right}:${JSON.stringify(value.jurisdictions ?? null)}`;
  return undefined;
}

/** Keys of every entry, when each entry has one and none repeats. */
function keysOf(list: readonly Json[]): string[] | undefined {
  const keys = list.map(entryKey);
  if (keys.some((k) => k === undefined)) return undefined;
  return new Set(keys).size === keys.length ? (keys as string[]) : undefined;
}

function describeEntry(value: Json): string {
  const key = entryKey(value);
  return key ? `'${key.slice(key.indexOf(':') + 1)}'` : quote(value);
}

function detail(code: Change['code'], path: readonly Segment[], message: string): Change {
  return change({ code, path: pathOf(path), message, material: false });
}

function walkList(before: readonly Json[], after: readonly Json[], path: Segment[], out: Change[]): void {
  const beforeKeys = keysOf(before);
  const afterKeys = keysOf(after);
  if (beforeKeys && afterKeys) {
    const kept = afterKeys.filter((k) => beforeKeys.includes(k));
    beforeKeys.forEach((key, i) => {
      if (!afterKeys.includes(key))
        out.push(detail('entry-removed', [...path, i], `${describeEntry(before[i])} removed`));
    });
    afterKeys.forEach((key, i) => {
      const was = beforeKeys.indexOf(key);
      if (was < 0) out.push(detail('entry-added', [...path, i], `${describeEntry(after[i])} added`));
      else walk(before[was], after[i], [...path, i], out);
    });
    const keptBefore = beforeKeys.filter((k) => afterKeys.includes(k));
    if (kept.some((k, i) => k !== keptBefore[i]))
      out.push(detail('order-changed', path, 'entries reordered'));
    return;
  }
  if (
    after.every((v) => !isObject(v) && !Array.isArray(v)) &&
    before.every((v) => !isObject(v) && !Array.isArray(v))
  ) {
    const added = after.filter((v) => !before.some((w) => equal(v, w)));
    const removed = before.filter((v) => !after.some((w) => equal(v, w)));
    const parts = [
      ...(added.length > 0 ? [`added ${added.map(quote).join(', ')}`] : []),
      ...(removed.length > 0 ? [`removed ${removed.map(quote).join(', ')}`] : []),
    ];
    out.push(detail('field-changed', path, parts.length > 0 ? parts.join('; ') : 'values reordered'));
    return;
  }
  const length = Math.max(before.length, after.length);
  for (let i = 0; i < length; i++) {
    if (i >= after.length)
      out.push(detail('entry-removed', [...path, i], `${describeEntry(before[i])} removed`));
    else if (i >= before.length)
      out.push(detail('entry-added', [...path, i], `${describeEntry(after[i])} added`));
    else walk(before[i], after[i], [...path, i], out);
  }
}

function walk(before: Json, after: Json, path: Segment[], out: Change[]): void {
  if (equal(before, after)) return;
  if (Array.isArray(before) && Array.isArray(after)) {
    walkList(before, after, path, out);
    return;
  }
  if (isObject(before) && isObject(after) && !isDuration(before) && !isDuration(after)) {
    const keys = [...Object.keys(after), ...Object.keys(before).filter((k) => !(k in after))];
    for (const key of keys) walk(before[key], after[key], [...path, key], out);
    return;
  }
  out.push(detail('field-changed', path, `${quote(before)} -> ${quote(after)}`));
}

/**
 * Every other difference between two manifests, field by field over every section (entries
 * of a list matched by id, rights by kind and jurisdictions), each `material: false`: the
 * changes the subject-facing families do not report (a shorter retention, a new contact
 * address, a reworded description, a reordered list). Messages quote policy values, cut to
 * 60 characters.
 */
export function diffDetails({ before, after }: DiffPair): Change[] {
  const out: Change[] = [];
  walk(before, after, [], out);
  return out;
}

/** Whether `path` is `ancestor` or lies under it. */
export function isUnder(path: string, ancestor: string): boolean {
  return path === ancestor || path.startsWith(`${ancestor}.`) || path.startsWith(`${ancestor}[`);
}
