import { describe, expect, it } from 'vitest';
import { en } from '../src/i18n/en.js';
import { localText, messages, translate } from '../src/i18n/index.js';
import { zhCN } from '../src/i18n/zh-CN.js';

const placeholders = (text: string) => [...text.matchAll(/\{([a-zA-Z]+)\}/g)].map((m) => m[1]).sort();

describe('render i18n', () => {
  it('has the same keys in English and Simplified Chinese', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
    expect(Object.keys(messages)).toEqual(['en', 'zh-CN']);
  });

  it('has no empty string except where a language has no separator', () => {
    const allowedEmpty = new Set(['common.sentenceSeparator']);
    for (const [lang, table] of Object.entries(messages)) {
      for (const [key, value] of Object.entries(table)) {
        if (!allowedEmpty.has(key)) expect(value.trim(), `${lang} ${key}`).not.toBe('');
      }
    }
  });

  it('uses the same parameters in both languages', () => {
    for (const key of Object.keys(en) as Array<keyof typeof en>) {
      expect(placeholders(zhCN[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('fills parameters and leaves unknown ones visible', () => {
    expect(translate('en', 'common.duration', { amount: 15, unit: 'days' })).toBe('15 days');
    expect(translate('zh-CN', 'common.duration', { amount: 15, unit: '天' })).toBe('15天');
    expect(translate('en', 'common.duration', { amount: 3 })).toBe('3 {unit}');
  });

  it('picks LocalText in the requested language and falls back to the other', () => {
    expect(localText('plain', 'zh-CN')).toBe('plain');
    expect(localText({ en: 'Hello', 'zh-CN': '你好' }, 'zh-CN')).toBe('你好');
    expect(localText({ en: 'Hello' }, 'zh-CN')).toBe('Hello');
    expect(localText({ 'zh-CN': '你好' }, 'en')).toBe('你好');
    expect(localText(undefined, 'en')).toBe('');
  });
});
