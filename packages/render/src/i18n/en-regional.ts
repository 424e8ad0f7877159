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
    'These laws require an answer within 45 days of receiving your request, extendable once by 45 days when reasonably necessary, with the reason given within the first 45 days.',
  'usStates.appeal':
    'If we decline your request you may appeal; the laws set the time to decide an appeal: {deadlines}.',
  'usStates.appealItem': '{state}: {days} days',
  'usStates.complaint': 'If we deny your appeal, you may contact your state Attorney General.',
  'usStates.sensitive': 'These laws require your consent before sensitive data is processed.',
  'usStates.gpcYes':
    'We treat a universal opt-out signal such as Global Privacy Control as a valid request to opt out of targeted advertising and the sale of personal data. The laws of {states} require this.',
  'usStates.gpcNo':
    'This policy does not commit to honouring universal opt-out signals such as Global Privacy Control, although the laws of {states} require it.',
  'usStates.minors':
    'Several of these laws require consent, or forbid outright, the sale of personal data of, and targeted advertising to, consumers known to be younger than an age the state sets (16 or 18).',
  'usStates.coppa':
    'Children under 13 (COPPA): a parent\u2019s verifiable consent is required before a child\u2019s personal information is collected, and a separate one before it is disclosed to third parties; it is kept only as long as a written retention policy allows.',
  'california.signalDisplay':
    'When your browser sends an opt-out preference signal, our website shows whether we processed it as a valid request to opt out of sale and sharing.',

  'india.intro': 'This section applies to individuals in India (Digital Personal Data Protection Act 2023).',
  'india.rights': 'Your rights under the DPDP Act',
  'india.grievance':
    'You may raise a grievance with us; the DPDP Rules 2025 require an answer within 90 days. If you are not satisfied you may complain to the Data Protection Board of India.',
  'india.children':
    'Under the DPDP Act, personal data of anyone under 18 may be processed only with the verifiable consent of a parent or lawful guardian, and never for tracking, behavioural monitoring or targeted advertising directed at children.',
  'india.breach':
    'The law requires a personal data breach to be told to each affected person without delay and reported to the Data Protection Board within 72 hours.',

  'brazil.intro':
    'This section applies to individuals in Brazil (LGPD and Lei 15.211/2025, the ECA Digital).',
  'brazil.rights': 'Your rights under the LGPD',
  'brazil.minors':
    'The ECA Digital forbids profiling children and adolescents (under 18) to target advertising at them, and requires social-network accounts of users up to 16 to be linked to the account of a parent or legal guardian.',
} as const;
