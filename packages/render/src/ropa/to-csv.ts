import type { RopaRecord } from './types.js';

/** CSV columns, in order: the Art. 30(1) fields of each record. */
const COLUMNS: ReadonlyArray<[header: string, cell: (record: RopaRecord) => string]> = [
  ['Activity', (r) => r.id],
  ['Purpose', (r) => [r.purpose.name, r.purpose.description].filter(Boolean).join(': ')],
  ['Legal basis', (r) => r.legalBasis.map((b) => `${b.jurisdiction}: ${b.basis}`).join('; ')],
  [
    'Controller',
    (r) => [r.controller.name, r.controller.address, r.controller.country].filter(Boolean).join(', '),
  ],
  ['Controller contact', (r) => r.controller.contacts.join('; ')],
  ['Representative', (r) => r.controller.representatives.join('; ')],
  ['Data protection officer', (r) => r.controller.dpo ?? ''],
  ['Data subjects', (r) => r.dataSubjects.join('; ')],
  [
    'Personal data categories',
    (r) =>
      r.dataCategories.map((c) => `${c.name} (${c.taxonomy}${c.sensitive ? ', sensitive' : ''})`).join('; '),
  ],
  [
    'Recipients',
    (r) => r.recipients.map((x) => `${x.name} (${x.kind}${x.country ? `, ${x.country}` : ''})`).join('; '),
  ],
  [
    'Recipients in third countries',
    (r) =>
      r.recipients
        .filter((x) => x.thirdCountry)
        .map((x) => `${x.name} (${x.country})`)
        .join('; '),
  ],
  [
    'Transfers and safeguards',
    (r) => r.transfers.map((t) => `${t.to}: ${t.safeguards.join(', ')}`).join('; '),
  ],
  ['Erasure time limits', (r) => r.erasure.map((e) => `${e.categories.join(', ')}: ${e.limit}`).join('; ')],
  ['Security measures', (r) => r.security.join('; ')],
];

/** Quotes a field as RFC 4180 requires: when it holds a comma, a quote or a line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * The records as CSV (RFC 4180): a header row, one row per record, CRLF line ends,
 * list values joined with `; ` inside a cell.
 */
export function ropaToCsv(records: readonly RopaRecord[]): string {
  const rows = [COLUMNS.map(([header]) => header), ...records.map((r) => COLUMNS.map(([, cell]) => cell(r)))];
  return `${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** The records as pretty-printed JSON, ending with a newline. */
export function ropaToJson(records: readonly RopaRecord[]): string {
  return `${JSON.stringify(records, null, 2)}\n`;
}
