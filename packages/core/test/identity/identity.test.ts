import { describe, expect, it } from 'vitest';
import {
  IDENTITY_VALUE_MAX,
  identityProblemMessage,
  identityValueProblem,
  matchRuleOf,
  normaliseIdentity,
} from '../../src/identity/index.js';
import { DatasetCollection, IDENTITY_MATCH_RULES, Identities } from '../../src/manifest/schema/index.js';

describe('identity match rules', () => {
  it('exact keeps the value as given: case, accents and spaces count', () => {
    for (const value of ['Bob', 'bob ', 'böb', '05']) expect(normaliseIdentity('exact', value)).toBe(value);
  });

  it('casefold lower-cases in Unicode and composes to NFC', () => {
    expect(normaliseIdentity('casefold', 'Alice@Example.COM')).toBe('alice@example.com');
    expect(normaliseIdentity('casefold', 'ÉMILE@example.com')).toBe('émile@example.com');
    // A decomposed é (e + U+0301) and a composed one are the same address.
    expect(normaliseIdentity('casefold', 'E\u0301mile')).toBe(normaliseIdentity('casefold', 'émile'));
    expect(normaliseIdentity('casefold', 'bob ')).toBe('bob ');
  });

  it('e164 removes separators and a (0) trunk, reads 00 as +, and refuses what has no E.164 form', () => {
    expect(normaliseIdentity('e164', '+44 (0)20 7946-0958')).toBe('+442079460958');
    expect(normaliseIdentity('e164', '0044 20 7946 0958')).toBe('+442079460958');
    expect(normaliseIdentity('e164', '+1 (415) 555.0100')).toBe('+14155550100');
    for (const value of ['020 7946 0958', '+44 20 7946 abc', '+12', '+1234567890123456', '']) {
      expect(normaliseIdentity('e164', value), value).toBeNull();
    }
  });

  it('a kind the manifest does not mention matches exactly', () => {
    const identities = Identities.parse({ email: { match: 'casefold' }, phone: {} });
    expect(matchRuleOf({ identities }, 'email')).toBe('casefold');
    expect(matchRuleOf({ identities }, 'phone')).toBe('exact');
    expect(matchRuleOf({ identities }, 'username')).toBe('exact');
    expect(IDENTITY_MATCH_RULES).toEqual(['exact', 'casefold', 'e164']);
    expect(Identities.safeParse({ email: { match: 'lower' } }).success).toBe(false);
    expect(Identities.safeParse({ nickname: { match: 'exact' } }).success).toBe(false);
  });

  it('a collection declares a composite key as two or more columns', () => {
    const fields = [{ name: 'org' }, { name: 'seq' }];
    expect(DatasetCollection.parse({ name: 't', primaryKey: ['org', 'seq'], fields }).primaryKey).toEqual([
      'org',
      'seq',
    ]);
    expect(DatasetCollection.safeParse({ name: 't', primaryKey: ['org'], fields }).success).toBe(false);
  });
});

describe('identity values before any lookup', () => {
  it('refuses what is not text, empty, blank, too long, or holds control characters', () => {
    expect(identityValueProblem('a@example.com')).toBeNull();
    expect(identityValueProblem(5)).toBe('not-text');
    expect(identityValueProblem('')).toBe('blank');
    expect(identityValueProblem(' \t ')).toBe('blank');
    expect(identityValueProblem('x'.repeat(IDENTITY_VALUE_MAX + 1))).toBe('too-long');
    expect(identityValueProblem('a\u0000b')).toBe('control-character');
    expect(identityValueProblem('a\ud800b')).toBe('control-character');
    expect(identityValueProblem('a\ud83d\ude00b')).toBeNull();
  });

  it('refuses glob characters, separators and .. only where a key or path is built', () => {
    for (const value of ['b*', 'b?', '[b]', 'a\\b']) {
      expect(identityValueProblem(value)).toBeNull();
      expect(identityValueProblem(value, { key: true })).toBe('pattern-character');
    }
    for (const value of ['a/b', '..', '../x', 'a..b']) {
      expect(identityValueProblem(value, { key: true })).toBe('path-unsafe');
    }
    expect(identityValueProblem('bob', { key: true })).toBeNull();
  });

  it('names the rule broken, in words', () => {
    expect(identityProblemMessage('blank')).toBe('must not be empty or blank');
  });
});
