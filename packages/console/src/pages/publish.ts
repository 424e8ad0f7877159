import { escapeHtml } from '@pledge/render';
import { renderConsolePage } from '../layout/page.js';
import type { ConsolePageContext } from './context.js';
import type { PublishReviewModel } from './policies-model.js';
import { diffTable, lintSummary, lintTable } from './policy-tables.js';

/** The form that sends a manifest to the review step (`POST /console/policies/review`). */
export function publishForm(ctx: ConsolePageContext, manifestText: string): string {
  return [
    '<form method="post" action="/console/policies/review">',
    `<input type="hidden" name="csrf" value="${escapeHtml(ctx.csrfToken)}">`,
    '<label for="manifest">Manifest (YAML or JSON)</label>',
    '<p class="hint" id="manifest-hint">The whole manifest, with a version label not published before.</p>',
    `<textarea id="manifest" name="manifest" class="manifest" required aria-describedby="manifest-hint" spellcheck="false">${escapeHtml(manifestText)}</textarea>`,
    '<div class="actions"><button type="submit">Review changes</button></div>',
    '</form>',
  ].join('\n');
}

/**
 * The confirmation step of publishing: what the manifest changes against the version in
 * force and its lint report, then a form that publishes exactly this text, and only while
 * the version it was reviewed against is still in force. A manifest the publish check
 * refuses shows why, and the form to correct it, without a publish button.
 */
export function renderPublishReview(model: PublishReviewModel, ctx: ConsolePageContext): string {
  const { outcome } = model;
  const label = model.label ? escapeHtml(model.label) : 'the new version';
  const base = `${escapeHtml(model.basedOn.version)} (seq ${model.basedOn.seq})`;
  const parts: string[] = [
    model.notice ? `<p class="notice danger" role="alert">${escapeHtml(model.notice)}</p>` : '',
  ];
  if (outcome.kind === 'invalid') {
    parts.push(
      '<p class="notice danger" role="alert">This is not a valid manifest; nothing can be published.</p>',
      lintTable(outcome.issues, 'Problems in the manifest'),
    );
  } else if (outcome.kind === 'refused') {
    parts.push(
      `<p class="notice danger" role="alert">Publishing is refused (<code>${escapeHtml(outcome.code)}</code>): ${escapeHtml(outcome.message)}</p>`,
      outcome.issues.length > 0 ? lintTable(outcome.issues, 'What blocks publishing') : '',
    );
  } else if (outcome.kind === 'unchanged') {
    parts.push(
      `<p class="notice" role="status">This manifest is already published as <a href="/console/policies/${outcome.seq}">version seq ${outcome.seq}</a>: publishing it changes nothing.</p>`,
    );
  }
  if (outcome.kind === 'ready' || outcome.kind === 'refused') {
    parts.push(
      `<h2 id="changes">Changes against ${base}</h2>`,
      diffTable(model.diff, `Changes from ${model.basedOn.version} to ${model.label ?? 'the new version'}`),
      '<h2 id="lint">Lint report</h2>',
      `<p>${escapeHtml(lintSummary(model.lint))}.</p>`,
      `<details${outcome.kind === 'refused' ? ' open' : ''}><summary>Every lint finding</summary>`,
      lintTable(model.lint, 'Lint findings of the new manifest'),
      '</details>',
    );
  }
  if (outcome.kind === 'ready') {
    const material = model.diff.filter((c) => c.material).length;
    const consent = model.diff.filter((c) => c.needsConsent).length;
    parts.push(
      '<h2 id="confirm">Confirm</h2>',
      `<p>Publishing makes ${label} the policy in force for every new decision. ${material} change(s) are material (subjects must be told) and ${consent} need fresh consent.</p>`,
      '<form method="post" action="/console/policies/publish">',
      `<input type="hidden" name="csrf" value="${escapeHtml(ctx.csrfToken)}">`,
      `<input type="hidden" name="basedOn" value="${escapeHtml(model.basedOn.hash)}">`,
      `<input type="hidden" name="manifest" value="${escapeHtml(model.manifestText)}">`,
      `<div class="actions"><button type="submit">Publish ${label}</button>`,
      '<a class="button secondary" href="/console/policies">Cancel</a></div>',
      '</form>',
    );
  } else {
    parts.push('<h2 id="edit">Correct the manifest</h2>', publishForm(ctx, model.manifestText));
  }
  return renderConsolePage({
    title: model.label ? `Publish version ${model.label}?` : 'Publish a policy version',
    user: ctx.user,
    active: 'policies',
    csrfToken: ctx.csrfToken,
    body: [
      `<p class="page-lead">Review against the version in force, ${base}.</p>`,
      ...parts.filter(Boolean),
    ].join('\n'),
  });
}
