import { roleAllows } from '@pledge/auth';
import type { ReviewStatus } from '@pledge/engine';
import { escapeHtml } from '@pledge/render';
import { CHART_MAX_SERIES, renderLegend, renderLineChart } from '../chart/line-chart.js';
import { renderConsolePage } from '../layout/page.js';
import { type CalendarWarning, calendarBanner } from './calendar-banner.js';
import type { ConsolePageContext } from './context.js';
import { reviewBanner } from './reviews/banner.js';

/** Consents per purpose per day: one value per day for each purpose. */
export interface ConsentTrend {
  /** UTC days, `YYYY-MM-DD`, oldest first, without gaps. */
  readonly days: readonly string[];
  readonly purposes: readonly {
    readonly id: string;
    readonly name: string;
    /** Consents given on each day. */
    readonly given: readonly number[];
    /** Consents withdrawn on each day. */
    readonly withdrawn: readonly number[];
  }[];
}

/** What the dashboard shows: counts only, never a subject. */
export interface DashboardModel {
  readonly policy: {
    readonly version: string;
    readonly seq: number;
    /** ISO time of publication. */
    readonly publishedAt: string;
    readonly lintErrors: number;
    /** Lint errors the manifest's overrides accepted when it was published. */
    readonly lintAccepted: number;
    readonly lintWarnings: number;
  };
  readonly consents: ConsentTrend;
  /** Access-audit volume; absent while the audit log is not recorded. */
  readonly audit?: {
    readonly last24h: number;
    readonly last30d: number;
    /** Accesses recorded on each of the consent chart's days (`consents.days`). */
    readonly perDay?: readonly number[];
  };
  /** Access reviews; absent while reviews are not scheduled. */
  readonly reviews?: { readonly due: number; readonly overdue: number; readonly nextDueOn?: string };
  /** The review status behind `reviews`: drawn as the due or overdue banner (P0-31). */
  readonly reviewStatus?: ReviewStatus;
  /**
   * Years without an official working calendar that a request deadline running now may reach
   * (lint `calendar.provisional-year`); drawn as a warning. Absent or empty: none.
   */
  readonly calendarWarnings?: readonly CalendarWarning[];
}

/** `GET /console`: the policy in force, consents over time, audit volume and reviews due. */
export function renderDashboard(model: DashboardModel, ctx: ConsolePageContext): string {
  const body = [
    model.reviewStatus ? reviewBanner(model.reviewStatus) : '',
    calendarBanner(model.calendarWarnings ?? []),
    '<p class="page-lead">The state of the policy in force and of the consents it governs.</p>',
    '<div class="cards">',
    policyCard(model, ctx),
    consentCard(model.consents),
    auditCard(model.audit),
    reviewsCard(model.reviews),
    '</div>',
    consentSection(model.consents),
    auditSection(model.consents.days, model.audit?.perDay),
    '<h2>Not yet available</h2>',
    '<p class="muted">Data subject requests and incidents will be shown here once the server records them; ',
    'today requests run from the command line (<code>pledge dsr</code>) and incidents are not tracked by Pledge.</p>',
  ].join('\n');
  return renderConsolePage({
    title: 'Dashboard',
    user: ctx.user,
    active: 'dashboard',
    csrfToken: ctx.csrfToken,
    body,
  });
}

function card(title: string, content: string): string {
  return `<section class="card" aria-label="${escapeHtml(title)}"><h2>${escapeHtml(title)}</h2>${content}</section>`;
}

function policyCard(model: DashboardModel, ctx: ConsolePageContext): string {
  const { policy } = model;
  const open = policy.lintErrors - policy.lintAccepted;
  const lint =
    open > 0
      ? `<span class="badge danger">${open} lint error(s)</span>`
      : policy.lintErrors > 0
        ? `<span class="badge warn">${policy.lintErrors} lint error(s) accepted</span>`
        : policy.lintWarnings > 0
          ? `<span class="badge warn">${policy.lintWarnings} warning(s)</span>`
          : '<span class="badge ok">lint clean</span>';
  const link = roleAllows(ctx.user.role, 'policies:read')
    ? ` <a href="/console/policies/${policy.seq}">Open version</a>`
    : '';
  return card(
    'Policy in force',
    `<p class="stat">${escapeHtml(policy.version)}</p>` +
      `<p class="muted">Published ${escapeHtml(day(policy.publishedAt))} · version ${policy.seq}</p><p>${lint}${link}</p>`,
  );
}

function consentCard(trend: ConsentTrend): string {
  const given = sum(trend.purposes.flatMap((p) => p.given));
  const withdrawn = sum(trend.purposes.flatMap((p) => p.withdrawn));
  return card(
    `Consents, last ${trend.days.length} days`,
    `<p class="stat">${given}</p><p class="muted">given · ${withdrawn} withdrawn</p>`,
  );
}

function auditCard(audit: DashboardModel['audit']): string {
  if (!audit) {
    return card(
      'Access audit',
      '<p class="stat">—</p><p class="muted">Not recorded yet: access to personal data is not logged by this server.</p>',
    );
  }
  return card(
    'Access audit',
    `<p class="stat">${audit.last24h}</p><p class="muted">accesses in the last 24 hours · ${audit.last30d} in 30 days</p>`,
  );
}

function reviewsCard(reviews: DashboardModel['reviews']): string {
  if (!reviews) {
    return card('Access reviews', '<p class="stat">—</p><p class="muted">No review is scheduled yet.</p>');
  }
  const state =
    reviews.overdue > 0
      ? `<span class="badge danger">${reviews.overdue} overdue</span>`
      : '<span class="badge ok">none overdue</span>';
  const next = reviews.nextDueOn ? ` · next due ${escapeHtml(reviews.nextDueOn)}` : '';
  return card(
    'Access reviews',
    `<p class="stat">${reviews.due}</p><p class="muted">due${next}</p><p>${state}</p>`,
  );
}

function auditSection(days: readonly string[], perDay: readonly number[] | undefined): string {
  if (!perDay) return '';
  const first = days[0] ?? '';
  const last = days[days.length - 1] ?? '';
  const heading = '<h2 id="audit-volume">Accesses to personal data per day</h2>';
  const total = sum(perDay);
  if (total === 0) {
    return `${heading}<p class="muted">No access was recorded from ${escapeHtml(first)} to ${escapeHtml(last)}.</p>`;
  }
  const busiest = Math.max(...perDay);
  const chart = renderLineChart({
    id: 'audit-chart',
    title: `Accesses recorded in the audit log per day, ${first} to ${last}`,
    description: `${total} accesses in all; at most ${busiest} on one day.`,
    xLabels: days.map((d) => d.slice(5)),
    series: [{ label: 'Accesses', values: perDay }],
  });
  return `${heading}<p class="muted">Accesses recorded per day (UTC), ${escapeHtml(first)} to ${escapeHtml(last)}.</p><figure style="margin:0">${chart}</figure>`;
}

function consentSection(trend: ConsentTrend): string {
  const first = trend.days[0] ?? '';
  const last = trend.days[trend.days.length - 1] ?? '';
  const heading = '<h2 id="consents">Consents per purpose</h2>';
  const active = trend.purposes.filter((p) => sum(p.given) + sum(p.withdrawn) > 0);
  if (active.length === 0) {
    return `${heading}<p class="muted">No consent was given or withdrawn from ${escapeHtml(first)} to ${escapeHtml(last)}.</p>`;
  }
  const series = active.map((p) => ({ label: p.name, values: p.given }));
  const totals = active
    .map((p) => `${p.name}: ${sum(p.given)} given, ${sum(p.withdrawn)} withdrawn`)
    .join('; ');
  const chart = renderLineChart({
    id: 'consent-chart',
    title: `Consents given per day and purpose, ${first} to ${last}`,
    description: `Totals: ${totals}.`,
    xLabels: trend.days.map((d) => d.slice(5)),
    series,
  });
  const hidden =
    active.length > CHART_MAX_SERIES
      ? `<p class="hint">The chart draws the first ${CHART_MAX_SERIES} purposes; the table lists all ${active.length}.</p>`
      : '';
  return [
    heading,
    `<p class="muted">Consents given per day (UTC), ${escapeHtml(first)} to ${escapeHtml(last)}.</p>`,
    `<figure style="margin:0">${chart}<figcaption>${renderLegend(series)}</figcaption></figure>`,
    hidden,
    '<details><summary>The numbers behind the chart</summary>',
    trendTable(trend, active),
    '</details>',
  ].join('\n');
}

function trendTable(trend: ConsentTrend, active: ConsentTrend['purposes']): string {
  const head = active.map((p) => `<th scope="col" class="num">${escapeHtml(p.name)}</th>`).join('');
  const rows = trend.days
    .map((dayLabel, i) => ({ dayLabel, i }))
    .filter(({ i }) => active.some((p) => (p.given[i] ?? 0) + (p.withdrawn[i] ?? 0) > 0))
    .map(({ dayLabel, i }) => {
      const cells = active
        .map((p) => `<td class="num">${p.given[i] ?? 0} / ${p.withdrawn[i] ?? 0}</td>`)
        .join('');
      return `<tr><th scope="row">${escapeHtml(dayLabel)}</th>${cells}</tr>`;
    });
  return (
    '<div class="scroll" role="region" aria-label="Consents per day" tabindex="0"><table>' +
    '<caption>Consents given / withdrawn, days with activity</caption>' +
    `<thead><tr><th scope="col">Day (UTC)</th>${head}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`
  );
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function day(iso: string): string {
  return iso.slice(0, 10);
}
