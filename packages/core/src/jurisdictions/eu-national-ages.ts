import { fact } from './fact.js';
import type { Fact, Verification } from './types.js';

/** The GDPR's official text on EUR-Lex; also the link of every fact of `eu-gdpr`. */
export const GDPR = 'https://eur-lex.europa.eu/eli/reg/2016/679/oj';

/**
 * National ages of digital consent (GDPR Art. 8(1) second subparagraph), each with the national
 * provision that sets it. Where a state set none, GDPR's 16 applies. `verified` rows were read in
 * the national text or a verbatim reproduction (see the note by each). The other ages agree across
 * the Bird & Bird GDPR tracker, the Commission's 2020 evaluation (SWD(2020) 115, p. 17) and a
 * third-party statute check of 2026-09 that quotes the operative words of most national
 * provisions and names the official texts linked here; a quoted fragment in someone else's check
 * is a report of a reading, not a reading, so those rows stay `secondary`. Ages move (Denmark,
 * 2024; Norway consulted on 13 to 15 in 2025), so a `secondary` age may be stale.
 */
export const nationalAges: ReadonlyArray<
  readonly [code: string, age: number, ref: string, url: string, verification: Verification]
> = [
  [
    'AT',
    14,
    'AT Datenschutzgesetz (DSG) § 4(4)',
    'https://www.ris.bka.gv.at/GeltendeFassung.wxe?Abfrage=Bundesnormen&Gesetzesnummer=10001597',
    'secondary',
  ],
  [
    'BE',
    13,
    'BE Loi du 30 juillet 2018, art. 7',
    'https://www.ejustice.just.fgov.be/eli/loi/2018/07/30/2018040581/justel',
    'secondary',
  ],
  [
    'BG',
    14,
    'BG Закон за защита на личните данни, чл. 25в (ДВ бр. 17/2019)',
    'https://dv.parliament.bg/DVWeb/showMaterialDV.jsp?idMat=135056',
    'secondary',
  ],
  // 2026-12-06: only an indirect-speech rendering of čl. 19(1) ("obrada osobnih podataka djeteta
  // zakonita ako dijete ima najmanje 16 godina") in a commentary on the DPA's opinions
  // (javni-sektor.hr, Verlag Dashöfer, 2022), not the provision's own sentence.
  [
    'HR',
    16,
    'HR Zakon o provedbi Opće uredbe o zaštiti podataka (NN 42/2018), čl. 19(1) (an express choice of 16)',
    'https://narodne-novine.nn.hr/clanci/sluzbeni/2018_05_42_805.html',
    'secondary',
  ],
  // Read 2026-12-06: s. 8(1)-(2) in full ("... είναι σύννομη, εάν το παιδί είναι τουλάχιστον
  // δεκατεσσάρων (14) ετών"; under 14, consent given or authorised by the holder of parental care),
  // in CyLaw's consolidated text (http://www.cylaw.org/nomoi/enop/ind/2018_1_125/section-sc37ee18bb-ce6a-46ae-9441-b2ce6c435b56.html).
  // The age is read, but CyLaw is the Cyprus Bar Association's database, not an official publisher,
  // and no official copy (Gazette No. 4670 of 2018-07-31) was reachable: `secondary` until one is linked.
  ['CY', 14, 'CY Law 125(I)/2018, s. 8(1)', 'https://www.cylaw.org/nomoi/arith/2018_1_125.pdf', 'secondary'],
  // Read 2026-12-06: § 7 whole (one sentence: "Dítě nabývá způsobilosti k udělení souhlasu se
  // zpracováním osobních údajů v souvislosti s nabídkou služeb informační společnosti přímo jemu
  // dovršením patnáctého roku věku."), with its heading, quoted verbatim from the consolidated text
  // on zakonyprolidi.cz (downloaded 2026-08) in the public repository jirigrill/eczema-helper
  // (docs/research/art-9-lawful-basis.md, § 3.3, dated 2026-08-13): the consolidated text in force
  // then, so no later amendment is known.
  ['CZ', 15, 'CZ Zákon č. 110/2019 Sb., § 7', 'https://www.e-sbirka.cz/sb/2019/110', 'verified'],
  // Read: the amending provision "I § 6, stk. 2 og 3, ændres »13 år« til: »15 år«" and its
  // commencement on 2024-01-01, in bill L 79 (2023-24) as tabled (ft.dk) and as enacted (lov nr.
  // 1783 af 28/12/2023 § 1, nr. 1, quoted verbatim in a third-party statute check).
  [
    'DK',
    15,
    'DK Databeskyttelsesloven § 6, stk. 2, as amended by lov nr. 1783 af 28/12/2023 § 1, nr. 1 (13 to 15 år from 2024-01-01)',
    'https://www.retsinformation.dk/eli/lta/2023/1783',
    'verified',
  ],
  // 2026-12-06: § 8(1)'s 13 only paraphrased, by the Ministry of Justice's answer on osale.ee (2019-01)
  // and by the DPA's letter 2.2-9/25/645-2 (2025-03); the provision's sentence was not read.
  [
    'EE',
    13,
    'EE Isikuandmete kaitse seadus § 8(1)',
    'https://www.riigiteataja.ee/et/akt/112072025014',
    'secondary',
  ],
  [
    'FI',
    13,
    'FI Tietosuojalaki (1050/2018) 5 §',
    'https://www.finlex.fi/fi/laki/ajantasa/2018/20181050',
    'secondary',
  ],
  // Read: art. 45 al. 1-2 verbatim ("à compter de l'âge de quinze ans"; below 15, joint consent of
  // the minor and the parent), version in force since 2019-06-01, quoted in full in a published
  // compliance note.
  [
    'FR',
    15,
    'FR Loi n° 78-17 (Informatique et Libertés), art. 45 al. 1',
    'https://www.legifrance.gouv.fr/loda/id/JORFTEXT000000886460',
    'verified',
  ],
  ['DE', 16, 'GDPR Art. 8(1): no lower age set by DE law (BDSG)', GDPR, 'secondary'],
  // 2026-12-06: art. 21(1) read in the bill put to public consultation by the Ministry of Justice
  // ("είναι σύννομη, εφόσον ο ανήλικος έχει συμπληρώσει το 15ο έτος της ηλικίας του", opengov.gr,
  // http://www.opengov.gr/ministryofjustice/?p=10627, 2019-08), not in the law as enacted (ΦΕΚ Α' 137/2019)
  // nor its current text; the link stays on the GDPR until an official copy of the law is found.
  ['GR', 15, 'GR Νόμος 4624/2019, άρθρο 21(1)', GDPR, 'secondary'],
  [
    'HU',
    16,
    'GDPR Art. 8(1): no lower age known in HU law (Infotv.; current text not reached)',
    GDPR,
    'secondary',
  ],
  // Read: s.31(1) "the age of a child specified for the purposes of Article 8 is 16 years of age",
  // reproduced by the Minister for Justice in Dáil written answers (oireachtas.ie, 2018-07-05 and
  // 2022-04-05).
  [
    'IE',
    16,
    'IE Data Protection Act 2018, s. 31(1)',
    'https://www.irishstatutebook.ie/eli/2018/act/7/section/31/enacted/en/html',
    'verified',
  ],
  [
    'IT',
    14,
    'IT Codice privacy (D.Lgs. 196/2003), art. 2-quinquies(1)',
    'https://www.normattiva.it/uri-res/N2Ls?urn:nir:stato:decreto.legislativo:2003-06-30;196',
    'verified',
  ],
  [
    'LV',
    13,
    'LV Fizisko personu datu apstrādes likums, 33. pants',
    'https://likumi.lv/ta/id/300099',
    'secondary',
  ],
  [
    'LT',
    14,
    'LT Asmens duomenų teisinės apsaugos įstatymas (I-1374), 6 str.',
    'https://e-seimas.lrs.lt/portal/legalAct/lt/TAD/TAIS.29193/asr',
    'secondary',
  ],
  ['LU', 16, 'GDPR Art. 8(1): no lower age set by LU law (Loi du 1er août 2018)', GDPR, 'secondary'],
  [
    'MT',
    13,
    "MT S.L. 586.11 (Processing of Child's Personal Data ... Regulations), reg. 4 (not reg. 3, the scope)",
    'https://legislation.mt/eli/sl/586.11/eng/pdf',
    'secondary',
  ],
  [
    'NL',
    16,
    'GDPR Art. 8(1): no lower age set by NL law (UAVG art. 5 governs consent only where Art. 8 does not apply)',
    'https://wetten.overheid.nl/BWBR0040940',
    'secondary',
  ],
  ['PL', 16, 'GDPR Art. 8(1): no lower age set by PL law (ustawa z 10 maja 2018)', GDPR, 'secondary'],
  [
    'PT',
    13,
    'PT Lei n.º 58/2019, art. 16(1)',
    'https://files.diariodarepublica.pt/1s/2019/08/15100/0000300040.pdf',
    'secondary',
  ],
  ['RO', 16, 'GDPR Art. 8(1): no lower age set by RO law (Legea 190/2018)', GDPR, 'secondary'],
  // 2026-12-06: § 15(1) ("... zákonne, ak dotknutá osoba dovŕšila 16 rokov veku") read only as the
  // bill's wording, quoted in full by sukromie.digital (2017-12); the enacted and current text was not
  // read. It sits in the part of the act for processing outside the GDPR's scope, so within it the
  // GDPR's own 16 applies either way.
  [
    'SK',
    16,
    'SK Zákon č. 18/2018 Z. z., § 15(1) (16, the GDPR default, either way)',
    'https://www.slov-lex.sk/pravne-predpisy/SK/ZZ/2018/18/',
    'secondary',
  ],
  ['SI', 15, 'SI Zakon o varstvu osebnih podatkov (ZVOP-2, from 2023-01-26), art. 8', GDPR, 'secondary'],
  [
    'ES',
    14,
    'ES Ley Orgánica 3/2018 (LOPDGDD), art. 7(1)-(2) (a 2024 bill would raise it to 16)',
    'https://www.boe.es/eli/es/lo/2018/12/05/3/con',
    'verified',
  ],
  // Read: 2 kap. 4 § in full ("... till ett barn som bor i Sverige ... om barnet är minst 13 år"),
  // quoted by SVT (2020-08) and cross-checked against a third-party statute check naming 2 kap. 4 §.
  [
    'SE',
    13,
    'SE Lag (2018:218) 2 kap. 4 § (a child who lives in Sweden)',
    'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svensk-forfattningssamling/lag-2018218-med-kompletterande-bestammelser-till_sfs-2018-218/',
    'verified',
  ],
  ['IS', 13, 'IS Lög nr. 90/2018, 10. gr.', GDPR, 'secondary'],
  ['LI', 16, 'GDPR Art. 8(1): no lower age known in LI law (Datenschutzgesetz 2018)', GDPR, 'secondary'],
  // 2026-12-06: Datatilsynet still gives 13 (parents consent under 13); the Justice Ministry's 2025
  // consultation to raise it to 15 drew the Bar Association's reply of 2025-10. Whether it was enacted
  // was not found: re-check before relying on 13.
  [
    'NO',
    13,
    'NO Personopplysningsloven § 5 (Datatilsynet guidance: parents consent under 13; a 2025 consultation proposes 15)',
    'https://lovdata.no/dokument/NL/lov/2018-06-15-38',
    'secondary',
  ],
];

/** The national ages keyed by region code, as `minors.byRegion` of `eu-gdpr` carries them. */
export function nationalAgesByRegion(): Record<string, Fact<number>> {
  const byRegion: Record<string, Fact<number>> = {};
  for (const [code, age, ref, url, verification] of nationalAges)
    byRegion[code] = fact(age, ref, verification, url);
  return byRegion;
}
