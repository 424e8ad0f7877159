import type { Citation } from './types.js';

/**
 * Hosts that publish the legal texts themselves (official journals, legislatures, the agency
 * that issues a regulation). A `verified` fact must link to one of them. Regulator guidance
 * sites (ico.org.uk, gov.br/anpd) are not primary text.
 */
export const OFFICIAL_HOSTS: readonly string[] = [
  'eur-lex.europa.eu',
  'www.legislation.gov.uk',
  'leginfo.legislature.ca.gov',
  'govt.westlaw.com',
  'cppa.ca.gov',
  'www.planalto.gov.br',
  'www.in.gov.br',
  'www.npc.gov.cn',
  'www.gov.cn',
  'www.cac.gov.cn',
  'openstd.samr.gov.cn',
  'www.ris.bka.gv.at',
  'www.ejustice.just.fgov.be',
  'www.e-sbirka.cz',
  'www.retsinformation.dk',
  'www.finlex.fi',
  'www.legifrance.gouv.fr',
  'www.irishstatutebook.ie',
  'www.normattiva.it',
  'wetten.overheid.nl',
  'www.slov-lex.sk',
  'www.boe.es',
  'www.riksdagen.se',
  'lovdata.no',
  // US federal: the Government Publishing Office's official editions (Federal Register, CFR).
  'www.govinfo.gov',
  'www.ecfr.gov',
  // US state legislatures and their code publishers (the official text of the state codes).
  'leg.colorado.gov',
  'www.cga.ct.gov',
  'delcode.delaware.gov',
  'mgaleg.maryland.gov',
  'www.revisor.mn.gov',
  'leg.mt.gov',
  'nebraskalegislature.gov',
  'gc.nh.gov',
  'pub.njleg.state.nj.us',
  'www.oregonlegislature.gov',
  'statutes.capitol.texas.gov',
  'law.lis.virginia.gov',
  // India: the Gazette of India (Department of Publication) and MeitY, which issues the DPDP Rules.
  'egazette.gov.in',
  'www.meity.gov.in',
];

/**
 * A provision: an article, section, paragraph, regulation, schedule or rule with its number,
 * in the law's own numbering (Art. 12(3), §1798.82(f), s.164A, Sch. 1, 2 kap. 4 §, 第57条...).
 */
const PROVISION =
  /(\bArts?\.\s*\d|\bart(?:icle|igo|\.)?\s*\d|§+\s*\d|\d+\s*§|\bss?\.\s*\d|\bSch\.\s*\d|\breg\.\s*\d|\bRule\s*\d|čl\.\s*\d|чл\.\s*\d|άρθρο\s*\d|\d+\.\s*(?:pants|gr\.)|\bstr\.|第[^条]{1,6}条|\bpara\.\s*\d)/i;

/** A language segment of a landing page, e.g. `/pt-br`, `/en`. */
const LANGUAGE = /^[a-z]{2}(?:-[a-z]{2})?$/i;

/** Whether `url` is a home or landing page rather than a document. */
export function isLandingPage(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return true;
  }
  if (parsed.search.length > 1) return false;
  const segments = parsed.pathname.split('/').filter((s) => s.length > 0 && !LANGUAGE.test(s));
  if (segments.length === 0) return true;
  if (segments.length >= 2) return false;
  return !/[\d.]/.test(segments[0] as string);
}

/**
 * What is wrong with a citation under the team's rule (`docs/legal-data.md`), as stable codes:
 * `citation.no-provision` (the ref names no numbered article or section), `citation.no-url`,
 * `citation.landing-page` (a home page, not the text), `citation.verified-unofficial` (marked
 * verified while the link is not an official publisher of the text). Empty: the citation holds.
 */
export function citationProblems(cite: Citation): string[] {
  const problems: string[] = [];
  if (!PROVISION.test(cite.ref)) problems.push('citation.no-provision');
  if (!cite.url?.startsWith('https://')) problems.push('citation.no-url');
  else if (isLandingPage(cite.url)) problems.push('citation.landing-page');
  if (cite.verification === 'verified') {
    const host = cite.url ? safeHost(cite.url) : undefined;
    if (!host || !OFFICIAL_HOSTS.includes(host)) problems.push('citation.verified-unofficial');
  }
  return problems;
}

function safeHost(url: string): string | undefined {
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}
