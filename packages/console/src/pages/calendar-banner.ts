import { escapeHtml } from '@pledge/render';

/** A year without an official working calendar that a request deadline may reach. */
export interface CalendarWarning {
  readonly jurisdiction: string;
  readonly year: number;
  /** `provisional`: derived from the holiday rules; `uncovered`: no data, counted Monday to Friday. */
  readonly status: 'provisional' | 'uncovered';
  /** The working-day count that reaches it. */
  readonly amount: number;
}

/**
 * The dashboard's warning that request deadlines may fall in a year whose working calendar is
 * not published (lint `calendar.provisional-year`): one line per year, nothing when none.
 * Escaped HTML.
 */
export function calendarBanner(warnings: readonly CalendarWarning[]): string {
  if (warnings.length === 0) return '';
  const lines = warnings
    .map((w) => {
      const what =
        w.status === 'provisional'
          ? 'its holiday schedule is derived, not yet published by the State Council: due dates counted over it are marked provisional and may move'
          : 'Pledge has no holiday schedule for it: its days are counted Monday to Friday';
      return `<li>${escapeHtml(w.jurisdiction)}: a deadline of ${w.amount} working days may fall in ${w.year}; ${escapeHtml(what)}.</li>`;
    })
    .join('');
  return `<div class="card calendar-banner" role="status"><strong class="warn">Working calendar not official</strong><ul>${lines}</ul><p class="muted">Update Pledge once the notice for the year is published (docs/legal-data.md, China).</p></div>`;
}
