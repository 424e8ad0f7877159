import { describe, expect, it } from 'vitest';
import { citationProblems, isLandingPage } from '../../src/jurisdictions/citation-check.js';
import { countByVerification, listFacts } from '../../src/jurisdictions/fact-list.js';
import { jurisdictions } from '../../src/jurisdictions/index.js';

const all = Object.values(jurisdictions);

describe('the verification rule (docs/legal-data.md)', () => {
  it.each(all.map((j) => [j.key, j] as const))(
    '%s: every fact cites a numbered provision with a link to the text, and is marked verified only with an official source',
    (_key, j) => {
      const failures = listFacts(j)
        .map(({ path, fact }) => ({ path, problems: citationProblems(fact.cite), ref: fact.cite.ref }))
        .filter((f) => f.problems.length > 0);
      expect(failures).toEqual([]);
    },
  );

  it('rejects a home page, a ref without a provision, and verified on an unofficial or missing source', () => {
    expect(
      citationProblems({
        ref: 'GDPR Art. 12(3)',
        url: 'https://eur-lex.europa.eu/eli/reg/2016/679/oj',
        verification: 'verified',
      }),
    ).toEqual([]);
    expect(
      citationProblems({
        ref: 'Res. CD/ANPD 15/2024',
        url: 'https://www.gov.br/anpd/pt-br',
        verification: 'secondary',
      }),
    ).toEqual(['citation.no-provision', 'citation.landing-page']);
    expect(
      citationProblems({ ref: 'UK GDPR Art. 8(1)', url: 'https://ico.org.uk/', verification: 'verified' }),
    ).toEqual(['citation.landing-page', 'citation.verified-unofficial']);
    expect(
      citationProblems({
        ref: 'Cal. Civ. Code §1798.82(f)',
        url: 'https://www.jdsupra.com/legalnews/x-2220552/',
        verification: 'verified',
      }),
    ).toEqual(['citation.verified-unofficial']);
    expect(citationProblems({ ref: 'LGPD Art. 19 II', verification: 'verified' })).toEqual([
      'citation.no-url',
      'citation.verified-unofficial',
    ]);
    expect(isLandingPage('https://cppa.ca.gov/regulations/')).toBe(true);
    expect(isLandingPage('https://wetten.overheid.nl/BWBR0040940')).toBe(false);
  });

  it('counts facts by level, for all facts and those the engine acts on', () => {
    const facts = all.flatMap(listFacts);
    const counts = countByVerification(facts);
    expect(counts.verified + counts.secondary + counts.unverified).toBe(facts.length);
    const acted = facts.filter((f) => f.actedOn).map((f) => f.path);
    expect(acted).toEqual(
      expect.arrayContaining(['requestDeadline', 'breach.authorityAbove', 'minors.byRegion.FR']),
    );
    expect(acted).not.toContain('recordKeeping');
  });
});
