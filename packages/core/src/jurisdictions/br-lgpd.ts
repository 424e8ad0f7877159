import { fact } from './fact.js';
import type { Jurisdiction } from './types.js';

const LGPD = 'https://www.planalto.gov.br/ccivil_03/_ato2015-2018/2018/lei/l13709.htm';
/** Res. CD/ANPD 15/2024 (security-incident communication), in the Diário Oficial da União. */
const RES_15_2024 = 'https://www.in.gov.br/web/dou/-/resolucao-cd/anpd-n-15-de-24-de-abril-de-2024-556243024';
const ECA_DIGITAL = 'https://www.planalto.gov.br/ccivil_03/_ato2023-2026/2025/lei/L15211.htm';

/** Taxonomy keys of sensitive personal data (LGPD Art. 5 II). */
const sensitivePersonalData = [
  'user.demographic.race_ethnicity',
  'user.demographic.religious_belief',
  'user.demographic.philosophical_belief',
  'user.demographic.political_opinion',
  'user.demographic.union_membership',
  'user.health',
  'user.health_and_medical',
  'user.health.reproductive_or_sexual',
  'user.demographic.sexual_orientation',
  'user.health.genetic',
  'user.health_and_medical.genetic',
  'user.biometrics',
  'user.biometric',
  'user.authorization.biometrics',
  'user.authorization.biometric',
];

/** Lei Geral de Proteção de Dados Pessoais, Lei 13.709/2018. */
export const brLgpd: Jurisdiction = {
  key: 'br-lgpd',
  name: 'Lei Geral de Proteção de Dados (LGPD)',
  regions: ['BR'],
  calendar: 'gregorian-business',
  timeZone: 'America/Sao_Paulo',
  asOf: '2026-11-22',
  rights: fact(
    [
      'access',
      'rectification',
      'erasure',
      'portability',
      'restriction',
      'objection',
      'withdraw-consent',
      'know',
      'automated-decision',
      'complaint',
    ],
    'LGPD Art. 18 I-IX (VII: who data is shared with), §1 (complaint to ANPD), §2 (opposition); Art. 20 (review of automated decisions)',
    'secondary',
    LGPD,
  ),
  requestDeadline: fact(
    { amount: 15, unit: 'days', clockStart: 'receipt', origin: 'engine-default', standard: 'immediately' },
    'LGPD Art. 18 §§3-4: rights are met at once on express request, or the controller replies with the reasons that prevent it; the law sets no count, 15 days is the engine default (as Art. 19 II for access)',
    'verified',
    LGPD,
  ),
  rightDeadlines: {
    access: fact(
      { amount: 15, unit: 'days', clockStart: 'receipt', origin: 'statute' },
      'LGPD Art. 19 II (confirmation of existence or access: a clear and complete declaration within 15 days of the request; in simplified form at once, Art. 19 I)',
      'verified',
      LGPD,
    ),
  },
  requestNotes: [
    fact(
      'Confirmation or access in simplified form: immediately. Other rights: immediately, or a reasoned reply.',
      'LGPD Art. 19 I; Art. 18 §4',
      'verified',
      LGPD,
    ),
    fact(
      'No statutory extension; ANPD may set sector-specific deadlines.',
      'LGPD Art. 19 §4',
      'verified',
      LGPD,
    ),
  ],
  verification: fact(
    'Express request by the subject or a legally constituted representative; the method is not specified.',
    'LGPD Art. 18 §3',
    'verified',
    LGPD,
  ),
  // Read: Art. 18 §5 "O requerimento referido no § 3º deste artigo será atendido sem custos para o
  // titular, nos prazos e nos termos previstos em regulamento" (verbatim in several reproductions).
  fees: fact('free', 'LGPD Art. 18 §5 (at no cost to the subject)', 'verified', LGPD),
  minors: {
    // Read: Art. 14 §1 "O tratamento de dados pessoais de crianças deverá ser realizado com o
    // consentimento específico e em destaque dado por pelo menos um dos pais ou pelo responsável
    // legal" and ECA Art. 2 "Considera-se criança ... a pessoa até doze anos de idade incompletos"
    // (verbatim reproductions of both texts).
    digitalConsentAge: fact(
      12,
      'LGPD Art. 14 §1 (children, under 12 per ECA Lei 8.069/1990 Art. 2: specific and prominent consent of at least one parent or guardian)',
      'verified',
      LGPD,
    ),
    notes: [
      fact(
        "Children's and adolescents' (12-17) data is processed in their best interest; ANPD Enunciado 1/2023 lets it rest on Art. 7/11 bases, not only consent.",
        'LGPD Art. 14 caput; ANPD Enunciado CD/ANPD nº 1/2023',
        'unverified',
        LGPD,
      ),
      fact(
        'ECA Digital (Lei 15.211/2025), in force 2026-03-17: age verification, parental supervision, advertising and data limits for minors.',
        'Lei 15.211/2025 (ECA Digital), Art. 1',
        'secondary',
        ECA_DIGITAL,
      ),
    ],
  },
  sensitive: {
    categories: fact(sensitivePersonalData, 'LGPD Art. 5 II', 'verified', LGPD),
    consentMode: fact(
      'separate',
      'LGPD Art. 11 I (specific and highlighted consent for specific purposes, or an Art. 11 II basis)',
      'verified',
      LGPD,
    ),
  },
  separateConsentFor: fact(
    ['sensitive'],
    'LGPD Art. 11 I (specific and highlighted consent)',
    'verified',
    LGPD,
  ),
  breach: {
    // Read: Regulation annexed to Res. CD/ANPD 15/2024, Art. 6 caput, §1 and §8 and Art. 9 caput
    // and §6, verbatim as published in the DOU ("no prazo de três dias úteis", counted "do
    // conhecimento pelo controlador de que o incidente afetou dados pessoais", "contados em dobro
    // para os agentes de pequeno porte"), reproduced in a public provision register.
    authorityDeadline: fact(
      { amount: 3, unit: 'business-days' },
      'LGPD Art. 48; Res. CD/ANPD 15/2024, Regulation Art. 6 caput and §1 (3 business days from knowing personal data was affected); §8 (doubled for small agents)',
      'verified',
      RES_15_2024,
    ),
    subjectDeadline: fact(
      { amount: 3, unit: 'business-days' },
      'Res. CD/ANPD 15/2024, Regulation Art. 9 caput (3 business days from knowing personal data was affected); §6 (doubled for small agents)',
      'verified',
      RES_15_2024,
    ),
    contents: fact(
      [
        'nature of the personal data affected',
        'data subjects involved',
        'technical and security measures used',
        'risks of the incident',
        'reasons for any delay',
        'measures taken or to be taken',
      ],
      'LGPD Art. 48 §1 I-VI',
      'verified',
      LGPD,
    ),
    notes: [
      fact(
        'Notice is due when the incident may cause relevant risk or damage; it may be supplemented within 20 business days; if subjects cannot be reached one by one, a public notice stays up for at least 90 days.',
        'Res. CD/ANPD 15/2024 Art. 5 (relevant risk); 20-day supplement and 90-day public notice per practitioner notes',
        'secondary',
        RES_15_2024,
      ),
    ],
  },
  transfers: fact(
    [
      'adequacy-decision',
      'anpd-standard-contractual-clauses',
      'specific-contractual-clauses',
      'global-corporate-rules',
      'seals-certificates-codes',
      'specific-and-highlighted-consent',
      'legal-obligation',
      'vital-interests',
      'international-cooperation',
    ],
    'LGPD Art. 33; Res. CD/ANPD 19/2024 (SCCs in contracts by 2025-08-23)',
    'secondary',
    LGPD,
  ),
  legalBases: fact(
    [
      'consent',
      'legal-obligation',
      'public-task',
      'research',
      'contract',
      'legal-claims',
      'vital-interests',
      'legitimate-interests',
      'credit-protection',
    ],
    'LGPD Art. 7 I-X (VIII health protection has no LegalBasis value); Art. 11 for sensitive data',
    'unverified',
    LGPD,
  ),
  recordKeeping: fact(
    'Records of processing operations, especially those based on legitimate interest; impact report (RIPD) on ANPD request; a DPO (encarregado); an incident register.',
    'LGPD Arts. 37, 38, 41',
    'unverified',
    LGPD,
  ),
  signals: {
    gpc: fact(
      false,
      'No opt-out signal duty in the LGPD (rights of Art. 18 are exercised by express request, §3)',
      'unverified',
      LGPD,
    ),
  },
};
