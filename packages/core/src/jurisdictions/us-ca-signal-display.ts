import { fact } from './fact.js';
import type { Jurisdiction } from './types.js';
import { coppaNotes } from './us-coppa.js';

/**
 * California's duty, from 2026-01-01, to show on the website whether an opt-out preference
 * signal was processed as a valid opt-out (for example "Opt-Out Request Honored"), plus the COPPA
 * notes every US jurisdiction carries. A separate file so the CCPA facts stay where they are.
 */
export function withSignalDisplay(ccpa: Jurisdiction): Jurisdiction {
  return {
    ...ccpa,
    minors: { ...ccpa.minors, notes: [...(ccpa.minors.notes ?? []), ...coppaNotes] },
    signals: {
      ...ccpa.signals,
      displayHonouredFrom: fact(
        '2026-01-01',
        '11 CCR §7025(c)(6) (as amended, from 2026-01-01): a business must display whether it processed the opt-out preference signal as a valid request to opt out of sale/sharing',
        'secondary',
        'https://cppa.ca.gov/regulations/pdf/ccpa_statute_regs.pdf',
      ),
    },
  };
}
