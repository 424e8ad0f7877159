import { describe, expect, it } from 'vitest';
import { placeholderKind } from '../src/placeholder.js';

describe('placeholderKind', () => {
  it.each([
    ['', 'blank'],
    ['   ', 'blank'],
    [undefined, 'blank'],
  ])('%j is blank', (value, expected) => {
    expect(placeholderKind(value)).toBe(expected);
  });

  it.each([
    '[]',
    '(',
    '()',
    '【】',
    '[...]',
    '[email address]',
    '[31 August 2022]',
    '{{email}}',
    'TBD',
    'tbd later',
    'N/A',
    'xxx',
    '138xxxx0000',
    'privacy@example.com',
    'https://www.example.org/privacy',
    'Email:',
    '邮箱：',
    'please contact us by email (',
    'privacy@',
    '@acme.eu',
  ])('%j is a placeholder', (value) => {
    expect(placeholderKind(value)).toBe('placeholder');
  });

  it('applies the format of the channel kind', () => {
    expect(placeholderKind('privacy', 'email')).toBe('placeholder');
    expect(placeholderKind('privacy@acme', 'email')).toBe('placeholder');
    expect(placeholderKind('privacy@acme-shop.eu', 'email')).toBeUndefined();
    expect(placeholderKind('mailto:privacy@acme-shop.eu', 'email')).toBeUndefined();
    expect(placeholderKind('call us', 'phone')).toBe('placeholder');
    expect(placeholderKind('+86 400 800 1234', 'phone')).toBeUndefined();
  });

  it.each([
    'privacy@acme-shop.eu',
    'Room 3901, Building 2, Hangzhou',
    '我的 > 设置 > 账号与安全 > 注销账号',
    'https://acme-shop.eu/privacy',
    'Maxxine Street 4',
    '“Unsubscribe” feature in each promotional email',
  ])('%j is usable', (value) => {
    expect(placeholderKind(value)).toBeUndefined();
  });
});
