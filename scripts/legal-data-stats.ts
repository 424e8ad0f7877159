/**
 * Counts the jurisdiction facts by verification level, per jurisdiction, for all facts and for
 * those the engine acts on (see docs/legal-data.md). Prints a Markdown table; `--json` prints the
 * numbers; `--write` replaces the table in docs/legal-data.md (run by `npm run docs`).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { countByVerification, jurisdictions, listFacts } from '../packages/core/src/index.js';

const rows = Object.values(jurisdictions).map((law) => {
  const facts = listFacts(law);
  const actedOn = facts.filter((f) => f.actedOn);
  return { key: law.key, all: countByVerification(facts), actedOn: countByVerification(actedOn) };
});
const sum = (pick: (row: (typeof rows)[number]) => Record<string, number>) =>
  rows.reduce<Record<string, number>>((acc, row) => {
    for (const [k, v] of Object.entries(pick(row))) acc[k] = (acc[k] ?? 0) + v;
    return acc;
  }, {});
const total = { key: 'total', all: sum((r) => r.all), actedOn: sum((r) => r.actedOn) };
const size = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);
const pct = (c: Record<string, number>) => `${Math.round((100 * (c.verified ?? 0)) / Math.max(1, size(c)))}%`;

if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ jurisdictions: rows, total }, null, 2));
} else {
  const lines = [
    '| Jurisdiction | Facts | Verified | Secondary | Unverified | Acted on | Acted on, verified |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...[...rows, total].map((r) => {
      const name = r.key === 'total' ? '**Total**' : `\`${r.key}\``;
      return `| ${name} | ${size(r.all)} | ${r.all.verified ?? 0} | ${r.all.secondary ?? 0} | ${r.all.unverified ?? 0} | ${size(r.actedOn)} | ${r.actedOn.verified ?? 0} (${pct(r.actedOn)}) |`;
    }),
  ];
  const table = lines.join('\n');
  if (process.argv.includes('--write')) {
    const target = fileURLToPath(new URL('../docs/legal-data.md', import.meta.url));
    const doc = readFileSync(target, 'utf8');
    const start = '<!-- legal-data-counts:start -->';
    const end = '<!-- legal-data-counts:end -->';
    const from = doc.indexOf(start);
    const to = doc.indexOf(end);
    if (from < 0 || to < from) throw new Error(`docs/legal-data.md lacks the ${start} ... ${end} markers`);
    writeFileSync(target, `${doc.slice(0, from + start.length)}\n${table}\n${doc.slice(to)}`);
    console.log(`wrote ${target}`);
  } else {
    console.log(table);
  }
}
