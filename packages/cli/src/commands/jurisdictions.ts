import {
  countByVerification,
  getJurisdiction,
  type Jurisdiction,
  jurisdictions,
  type ListedFact,
  listFacts,
} from '@pledge/core';
import { Option } from 'commander';
import type { RegisterCommand } from '../context.js';
import { ExitCode } from '../exit-codes.js';

/** One fact as `pledge jurisdictions --format json` prints it. */
interface FactRow {
  path: string;
  value: unknown;
  ref: string;
  url: string | null;
  verification: string;
  actedOn: boolean;
}

function row({ path, fact, actedOn }: ListedFact): FactRow {
  return {
    path,
    value: fact.value,
    ref: fact.cite.ref,
    url: fact.cite.url ?? null,
    verification: fact.cite.verification,
    actedOn,
  };
}

function describe(law: Jurisdiction) {
  const facts = listFacts(law);
  return {
    key: law.key,
    name: law.name,
    asOf: law.asOf ?? null,
    counts: {
      all: countByVerification(facts),
      actedOn: countByVerification(facts.filter((f) => f.actedOn)),
    },
    facts: facts.map(row),
  };
}

function text(laws: ReturnType<typeof describe>[]): string {
  const lines: string[] = [];
  for (const law of laws) {
    const { verified, secondary, unverified } = law.counts.all;
    lines.push(
      `${law.key}  ${law.name}: ${verified} verified, ${secondary} secondary, ${unverified} unverified`,
    );
    for (const f of law.facts)
      lines.push(`  ${f.verification.padEnd(10)} ${f.actedOn ? '*' : ' '} ${f.path}  ${f.ref}`);
  }
  lines.push('', '* the engine acts on this fact (docs/legal-data.md)');
  return `${lines.join('\n')}\n`;
}

/** `pledge jurisdictions [key...] [--format text|json]`: every legal fact with its citation and status. */
export const registerJurisdictions: RegisterCommand = (program, io, finish) => {
  program
    .command('jurisdictions')
    .description('print the legal facts Pledge acts on, each with its citation and verification status')
    .argument('[keys...]', 'jurisdiction keys (default: all)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action((keys: string[], options: { format: 'text' | 'json' }) => {
      const unknown = keys.filter((key) => getJurisdiction(key) === undefined);
      if (unknown.length > 0) {
        io.stderr(
          `pledge: unknown jurisdiction ${unknown.join(', ')} (known: ${Object.keys(jurisdictions).join(', ')})\n`,
        );
        return finish(ExitCode.usage);
      }
      const laws = (
        keys.length > 0
          ? keys.map((key) => getJurisdiction(key) as Jurisdiction)
          : Object.values(jurisdictions)
      ).map(describe);
      io.stdout(
        options.format === 'json' ? `${JSON.stringify({ jurisdictions: laws }, null, 2)}\n` : text(laws),
      );
      finish(ExitCode.ok);
    });
};
