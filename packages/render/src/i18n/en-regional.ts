/**
 * English strings of the sections for the US state laws, India and Brazil, spread into `en`.
 * A file of their own so the jurisdictions added together stay together.
 */
export const enRegional = {
  'jurisdiction.us-co-cpa': 'Colorado (CPA)',
  'jurisdiction.us-ct-ctdpa': 'Connecticut (CTDPA)',
  'jurisdiction.us-de-dpdpa': 'Delaware (DPDPA)',
  'jurisdiction.us-md-modpa': 'Maryland (MODPA)',
  'jurisdiction.us-mn-mcdpa': 'Minnesota (MCDPA)',
  'jurisdiction.us-mt-mcdpa': 'Montana (MCDPA)',
  'jurisdiction.us-ne-dpdpa': 'Nebraska (NDPA)',
  'jurisdiction.us-nh-pa': 'New Hampshire (RSA 507-H)',
  'jurisdiction.us-nj-dpa': 'New Jersey (NJDPA)',
  'jurisdiction.us-or-ocpa': 'Oregon (OCPA)',
  'jurisdiction.us-tx-tdpsa': 'Texas (TDPSA)',
  'jurisdiction.us-va-vcdpa': 'Virginia (VCDPA)',
  'jurisdiction.in-dpdp': 'India (DPDP Act)',

  'section.usStates': 'If you live in a US state with a consumer privacy law',
  'section.india': 'If you are in India',
  'section.brazil': 'If you are in Brazil',

  'usStates.intro': 'This section applies to residents of: {states}.',
  'usStates.rights': 'Your rights under these state laws',
  'usStates.optOut':
    'You may opt out of targeted advertising, the sale of your personal data and profiling that produces legal or similarly significant effects.',
  'usStates.deadline':
    'We answer within 45 days of receiving your request; when reasonably necessary we may extend this once by 45 days and will tell you why within the first 45 days.',
  'usStates.appeal': 'If we decline your request you may appeal; we decide appeals within: {deadlines}.',
  'usStates.appealItem': '{state}: {days} days',
  'usStates.complaint': 'If we deny your appeal, you may contact your state Attorney General.',
  'usStates.sensitive': 'We process sensitive data only with your consent.',
  'usStates.gpcYes':
    'We treat a universal opt-out signal such as Global Privacy Control as a valid request to opt out of targeted advertising and the sale of personal data. The laws of {states} require this.',
  'usStates.gpcNo':
    'This policy does not commit to honouring universal opt-out signals such as Global Privacy Control, although the laws of {states} require it.',
  'usStates.minors':
    'Without consent we do not sell the personal data of, or show targeted advertising to, consumers we know to be younger than the age set by their state (13 to 18).',
  'usStates.coppa':
    'Children under 13 (COPPA): we ask a parent\u2019s verifiable consent before collecting a child\u2019s personal information, a separate consent before disclosing it to third parties, and we keep it only as long as our written retention policy allows.',
  'california.signalDisplay':
    'When your browser sends an opt-out preference signal, our website shows whether we processed it as a valid request to opt out of sale and sharing.',

  'india.intro': 'This section applies to individuals in India (Digital Personal Data Protection Act 2023).',
  'india.rights': 'Your rights under the DPDP Act',
  'india.grievance':
    'You may raise a grievance with us; we answer within 90 days. If you are not satisfied you may complain to the Data Protection Board of India.',
  'india.children':
    'If you are under 18, we process your personal data only with the verifiable consent of a parent or lawful guardian, and never for tracking, behavioural monitoring or targeted advertising directed at you.',
  'india.breach':
    'If a personal data breach affects you, we tell you without delay and report it to the Data Protection Board within 72 hours.',

  'brazil.intro':
    'This section applies to individuals in Brazil (LGPD and Lei 15.211/2025, the ECA Digital).',
  'brazil.rights': 'Your rights under the LGPD',
  'brazil.minors':
    'Children and adolescents under 18: we do not profile them to target advertising. Social-network accounts of users up to 16 are linked to the account of a parent or legal guardian.',
} as const;
