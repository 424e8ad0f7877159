import { createRenderContext } from '../../context.js';
import { escapeHtml } from '../../html.js';
import { hiddenFields, renderCenterPage } from './layout.js';
import { consentPurposes } from './offered.js';
import { identityHtml } from './overview.js';
import { centerText, dateHtml, manifestText } from './text.js';
import type { CenterNotice, CenterPageInput } from './types.js';

/** The visitor's consent to one purpose, from the ledger. */
export interface ConsentChoice {
  readonly purpose: string;
  /** `given`: the latest consent event gave it; `withdrawn`: withdrew it; `none`: no event. */
  readonly state: 'given' | 'withdrawn' | 'none';
  /** When the latest event happened. */
  readonly since?: Date;
  /**
   * The purpose runs without a prior yes under at least one of the policy's laws (opt-out or
   * implied on use), so with no choice recorded it may already run: the form then pre-selects
   * neither answer, and either answer is recorded.
   */
  readonly runsByDefault?: boolean;
}

/**
 * No choice is recorded and the purpose may already run by default: the form pre-selects neither
 * answer, and whichever the visitor picks is recorded.
 */
export function awaitsChoice(choice: ConsentChoice | undefined): boolean {
  return choice?.state === 'none' && choice.runsByDefault === true;
}

/** The consent page's input. */
export interface ConsentPageInput extends CenterPageInput {
  /** The identified visitor's consent per purpose; undefined when nobody is identified. */
  readonly choices?: readonly ConsentChoice[];
  readonly notice?: CenterNotice;
}

/** The form field of a purpose's choice: `give` or `withdraw`. */
export function consentField(purposeId: string): string {
  return `purpose.${purposeId}`;
}

/**
 * `/privacy/consent`: for each purpose resting on consent, its name, what it does and uses,
 * the visitor's current state, and a choice to give or withdraw (posted to the same path).
 */
export function renderConsentPage(input: ConsentPageInput): string {
  const { lang } = input;
  const t = (key: Parameters<typeof centerText>[1], p?: Record<string, string>) => centerText(lang, key, p);
  const ctx = createRenderContext(input.manifest, lang);
  const purposes = consentPurposes(input.manifest);
  const frame = (body: string) =>
    renderCenterPage({
      ...input,
      title: t('consent.title'),
      section: 'consent',
      body,
      ...(input.notice ? { notice: input.notice } : {}),
    });
  if (purposes.length === 0) return frame(`<p>${escapeHtml(t('consent.none'))}</p>`);
  if (input.choices === undefined) {
    return frame(`<p class="page-lead">${escapeHtml(t('consent.lead'))}</p>${identityHtml(input)}`);
  }
  const byPurpose = new Map(input.choices.map((c) => [c.purpose, c]));
  const rows = purposes.map((purpose) => {
    const choice = byPurpose.get(purpose.id);
    const given = choice?.state === 'given';
    const open = awaitsChoice(choice);
    const field = escapeHtml(consentField(purpose.id));
    const id = (suffix: string) => escapeHtml(`c-${purpose.id}-${suffix}`);
    // The date goes in as markup, so the sentence is escaped around a placeholder.
    const since = choice?.since
      ? ` <span class="muted">${escapeHtml(t('consent.since', { date: '@date@' })).replace('@date@', dateHtml(choice.since))}</span>`
      : '';
    const state = given ? 'consent.on' : open ? 'consent.default' : 'consent.off';
    const badge = `<span class="badge${given ? ' ok' : ''}">${escapeHtml(t(state))}</span>${since}`;
    const description = manifestText(purpose.description, lang);
    const refusal = manifestText(purpose.refusalEffect, lang);
    return [
      '<div class="choice"><fieldset>',
      `<legend>${escapeHtml(manifestText(purpose.name, lang) || purpose.id)}</legend>`,
      `<p>${badge}</p>`,
      description ? `<p>${escapeHtml(description)}</p>` : '',
      `<p class="hint">${escapeHtml(t('consent.data', { categories: ctx.categoryNames(purpose.categories) }))}</p>`,
      refusal ? `<p class="hint">${escapeHtml(refusal)}</p>` : '',
      open ? `<p class="hint">${escapeHtml(t('consent.defaultHint'))}</p>` : '',
      '<div class="options">',
      `<label for="${id('give')}"><input type="radio" id="${id('give')}" name="${field}" value="give"${given ? ' checked' : ''}>${escapeHtml(t('consent.give'))}</label>`,
      `<label for="${id('withdraw')}"><input type="radio" id="${id('withdraw')}" name="${field}" value="withdraw"${given || open ? '' : ' checked'}>${escapeHtml(t('consent.withdraw'))}</label>`,
      '</div>',
      '</fieldset></div>',
    ].join('');
  });
  return frame(
    [
      `<p class="page-lead">${escapeHtml(t('consent.lead'))}</p>`,
      identityHtml(input),
      `<form method="post" action="/privacy/consent">${hiddenFields(input)}`,
      ...rows,
      `<div class="actions"><button type="submit">${escapeHtml(t('consent.save'))}</button></div>`,
      '</form>',
    ].join('\n'),
  );
}
