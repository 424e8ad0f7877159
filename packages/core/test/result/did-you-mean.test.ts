import { describe, expect, it } from 'vitest';
import { closestMatch, editDistance, withDidYouMean } from '../../src/result/did-you-mean.js';

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and swaps as one edit each', () => {
    expect(editDistance('email', 'email')).toBe(0);
    expect(editDistance('emial', 'email')).toBe(1);
    expect(editDistance('emai', 'email')).toBe(1);
    expect(editDistance('e-mail', 'email')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('stops past the limit', () => {
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
    expect(editDistance('a', 'abcdefgh', 2)).toBe(3);
  });
});

describe('closestMatch', () => {
  it('finds a likely typo among the candidates', () => {
    expect(closestMatch('emial', ['name', 'email', 'orders'])).toBe('email');
    expect(closestMatch('user.contact.e_mail', ['user.contact.email', 'user.contact.phone_number'])).toBe(
      'user.contact.email',
    );
    expect(closestMatch('optin', ['opt-in', 'opt-out', 'none'])).toBe('opt-in');
  });

  it('suggests nothing for a word far from every candidate, or for an exact match', () => {
    expect(closestMatch('advertising', ['email', 'orders'])).toBeUndefined();
    expect(closestMatch('email', ['email', 'emails'])).toBeUndefined();
    expect(closestMatch('x', [])).toBeUndefined();
  });
});

describe('withDidYouMean', () => {
  it('appends a suggestion only when there is one', () => {
    expect(withDidYouMean('category "emial" is unknown', 'emial', ['email'])).toBe(
      'category "emial" is unknown. Did you mean "email"?',
    );
    expect(withDidYouMean('category "zzz" is unknown', 'zzz', ['email'])).toBe('category "zzz" is unknown');
  });
});
