/** Why a value cannot be used: empty, or template text standing in for a real value. */
export type PlaceholderKind = 'blank' | 'placeholder';

const ONLY_PUNCTUATION = /^[\s\p{P}\p{S}]*$/u;
const WRAPPED_IN_BRACKETS = /^\s*(?:\[[^\]]*\]|【[^】]*】|\{\{[^}]*\}\}|<[^>]*>)\s*$/u;
const TEMPLATE_WORDS =
  /(?:^|[^\p{L}])(?:tbd|tba|todo|fixme|n\/a|placeholder|lorem ipsum|changeme)(?:[^\p{L}]|$)/iu;
const XXX = /(?:^|[^\p{L}])x{3,}(?:[^\p{L}]|$)/iu;
const ELLIPSIS_IN_BRACKETS = /[[(【（]\s*(?:\.{2,}|…)\s*[\])】）]/u;
const RESERVED_DOMAIN = /(?:^|[@./\s])example\.(?:com|org|net)\b|\.(?:example|invalid)\b/iu;
const TRAILING_COLON = /[:：]\s*$/u;
const TRAILING_OPEN_BRACKET = /[[(【（{<]\s*$/u;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@.]{2,}$/u;
const DANGLING_AT = /@\s*$|^\s*@/u;
const HAS_DIGIT = /\d/u;

/**
 * Classifies a free-text value the policy publishes (a contact address, a name, a URL):
 * `undefined` when it looks usable, `'blank'` when empty, `'placeholder'` for template text
 * such as `[]`, `(`, `[...]`, `TBD`, `xxx`, an `example.com` address, an e-mail without a
 * domain or a label ending in a colon. `kind` adds the format check of a contact channel kind.
 */
export function placeholderKind(value: string | undefined, kind?: string): PlaceholderKind | undefined {
  if (value === undefined || value.trim() === '') return 'blank';
  if (ONLY_PUNCTUATION.test(value)) return 'placeholder';
  if (WRAPPED_IN_BRACKETS.test(value) || ELLIPSIS_IN_BRACKETS.test(value)) return 'placeholder';
  if (TEMPLATE_WORDS.test(value) || XXX.test(value)) return 'placeholder';
  if (RESERVED_DOMAIN.test(value)) return 'placeholder';
  if (TRAILING_COLON.test(value) || TRAILING_OPEN_BRACKET.test(value)) return 'placeholder';
  if (DANGLING_AT.test(value)) return 'placeholder';
  if (kind === 'email' && !EMAIL.test(value.trim().replace(/^mailto:/i, ''))) return 'placeholder';
  if (kind === 'phone' && !HAS_DIGIT.test(value)) return 'placeholder';
  return undefined;
}

/** True when {@link placeholderKind} finds the value unusable. */
export function isPlaceholder(value: string | undefined, kind?: string): boolean {
  return placeholderKind(value, kind) !== undefined;
}
