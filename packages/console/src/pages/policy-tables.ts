import { escapeHtml } from '@pledge/render';
import type { AcceptedLintRow, DiffRow, LintRow } from './policies-model.js';

function region(label: string, table: string): string {
  return `<div class="scroll" role="region" aria-label="${escapeHtml(label)}" tabindex="0">${table}</div>`;
}

/** The changes of a diff as a table: material ones and those needing consent are badged. */
export function diffTable(diff: readonly DiffRow[], caption: string): string {
  if (diff.length === 0) return '<p class="muted">No change.</p>';
  const rows = diff.map((c) => {
    const badges = [
      c.material ? '<span class="badge warn">material</span>' : '',
      c.needsConsent ? '<span class="badge danger">needs consent</span>' : '',
    ]
      .filter(Boolean)
      .join(' ');
    return (
      `<tr><td><code>${escapeHtml(c.code)}</code></td><td><code>${escapeHtml(c.path)}</code></td>` +
      `<td>${escapeHtml(c.message)}</td><td>${badges || '<span class="muted">detail</span>'}</td></tr>`
    );
  });
  return region(
    caption,
    `<table><caption>${escapeHtml(caption)}</caption><thead><tr><th scope="col">Change</th><th scope="col">Path</th>` +
      `<th scope="col">What</th><th scope="col">Impact</th></tr></thead><tbody>${rows.join('')}</tbody></table>`,
  );
}

const SEVERITY_BADGE: Readonly<Record<string, string>> = { error: 'danger', warning: 'warn', info: '' };

/** Lint findings as a table, errors first. */
export function lintTable(lint: readonly LintRow[], caption: string): string {
  if (lint.length === 0) return '<p><span class="badge ok">no finding</span></p>';
  const order = ['error', 'warning', 'info'];
  const sorted = [...lint].sort((a, b) => order.indexOf(a.severity) - order.indexOf(b.severity));
  const rows = sorted.map(
    (i) =>
      `<tr><td><span class="badge ${SEVERITY_BADGE[i.severity] ?? ''}">${escapeHtml(i.severity)}</span>` +
      `${i.accepted ? ' <span class="badge">accepted</span>' : ''}</td>` +
      `<td><code>${escapeHtml(i.code)}</code></td><td><code>${escapeHtml(i.path)}</code></td><td>${escapeHtml(i.message)}</td></tr>`,
  );
  return region(
    caption,
    `<table><caption>${escapeHtml(caption)}</caption><thead><tr><th scope="col">Severity</th><th scope="col">Rule</th>` +
      `<th scope="col">Path</th><th scope="col">Finding</th></tr></thead><tbody>${rows.join('')}</tbody></table>`,
  );
}

/** Lint errors published anyway, with each override's reason. */
export function acceptedTable(accepted: readonly AcceptedLintRow[]): string {
  if (accepted.length === 0) return '';
  const rows = accepted.map(
    (a) =>
      `<tr><td><code>${escapeHtml(a.rule)}</code></td><td><code>${escapeHtml(a.path)}</code></td><td>${escapeHtml(a.reason)}</td></tr>`,
  );
  const table = region(
    'Lint errors accepted',
    '<table><caption>Lint errors accepted by the manifest’s overrides</caption><thead><tr><th scope="col">Rule</th>' +
      `<th scope="col">Path</th><th scope="col">Reason given</th></tr></thead><tbody>${rows.join('')}</tbody></table>`,
  );
  return `<details><summary>${accepted.length} lint error(s) accepted when published, with the reasons</summary>${table}</details>`;
}

/** A count of findings by severity, e.g. "2 errors, 5 warnings". */
export function lintSummary(lint: readonly LintRow[]): string {
  const errors = lint.filter((i) => i.severity === 'error').length;
  const warnings = lint.filter((i) => i.severity === 'warning').length;
  const accepted = lint.filter((i) => i.severity === 'error' && i.accepted).length;
  const infos = lint.length - errors - warnings;
  const acceptedNote = accepted > 0 ? ` (${accepted} accepted by the manifest's lintOverrides)` : '';
  return `${errors} error(s)${acceptedNote}, ${warnings} warning(s), ${infos} note(s)`;
}
