/** The longest identity value accepted, in characters: longer than any e-mail address (254). */
export const IDENTITY_VALUE_MAX = 320;

/** Why an identity value is refused; codes are stable. */
export type IdentityValueProblem =
  | 'not-text'
  | 'blank'
  | 'too-long'
  | 'control-character'
  | 'pattern-character'
  | 'path-unsafe';

/** Where a value will be used: `key` when it is built into a Redis key or a file path. */
export interface IdentityValueUse {
  key?: boolean;
}

const globCharacter = /[*?[\]\\]/;

/**
 * What is wrong with an identity value before any lookup, or null when nothing is. Every value
 * must be text, not empty or blank, at most {@link IDENTITY_VALUE_MAX} characters, without
 * control characters or lone surrogates; a value built into a key pattern or path (`use.key`)
 * may not hold Redis glob characters (`* ? [ ] \`), a path separator, nor be `.` or `..`.
 */
export function identityValueProblem(
  value: unknown,
  use: IdentityValueUse = {},
): IdentityValueProblem | null {
  if (typeof value !== 'string') return 'not-text';
  if (value.trim() === '') return 'blank';
  if (value.length > IDENTITY_VALUE_MAX) return 'too-long';
  if (hasControl(value)) return 'control-character';
  if (use.key) {
    if (globCharacter.test(value)) return 'pattern-character';
    if (value.includes('/') || value === '.' || value === '..' || value.includes('..')) return 'path-unsafe';
  }
  return null;
}

/** The rule a problem breaks, for messages that never quote the value. */
export function identityProblemMessage(problem: IdentityValueProblem): string {
  switch (problem) {
    case 'not-text':
      return 'must be text';
    case 'blank':
      return 'must not be empty or blank';
    case 'too-long':
      return `must be at most ${IDENTITY_VALUE_MAX} characters`;
    case 'control-character':
      return 'must not hold control characters or unpaired surrogates';
    case 'pattern-character':
      return 'must not hold * ? [ ] or \\ where it is built into a key pattern';
    case 'path-unsafe':
      return 'must not hold / or .. where it is built into a key or path';
  }
}

/** Whether a text holds a control character (NUL included) or a lone UTF-16 surrogate. */
function hasControl(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return true;
      i++;
    } else if (code >= 0xdc00 && code <= 0xdfff) return true;
  }
  return false;
}
