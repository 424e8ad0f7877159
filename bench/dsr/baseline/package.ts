import { strToU8, zipSync } from 'fflate';

/** One collection of the baseline's package. */
export interface BaselineCollection {
  name: string;
  rows: Array<Record<string, unknown>>;
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text =
    value instanceof Date
      ? value.toISOString()
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csv(rows: ReadonlyArray<Record<string, unknown>>): string {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const lines = [columns.join(','), ...rows.map((row) => columns.map((c) => cell(row[c])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * What a hand-written access export would hand over: the rows as JSON and one CSV per
 * collection, zipped at the same level as Pledge's package (no purposes, recipients or
 * retention: those come from Pledge's manifest).
 */
export function zipRows(collections: readonly BaselineCollection[]): Uint8Array {
  const files: Record<string, Uint8Array> = {
    'subject.json': strToU8(`${JSON.stringify({ collections }, null, 2)}\n`),
  };
  for (const c of collections)
    files[`csv/${c.name.replace(/[^A-Za-z0-9_.-]/g, '_')}.csv`] = strToU8(csv(c.rows));
  return zipSync(files, { level: 6 });
}
