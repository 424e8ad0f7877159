import { describe, expect, it } from 'vitest';
import { readSignals } from '../src/index.js';

describe('readSignals', () => {
  it('reads Sec-GPC: 1 and DNT: 1', () => {
    expect(readSignals({ 'sec-gpc': '1', dnt: '1' })).toEqual({ gpc: true, dnt: true });
    expect(readSignals({ 'sec-gpc': '1' })).toEqual({ gpc: true, dnt: false });
    expect(readSignals({ dnt: '1' })).toEqual({ gpc: false, dnt: true });
  });

  it('counts only the exact value 1 and never throws on junk', () => {
    const junk: unknown[] = [
      '0',
      'true',
      'yes',
      ' 1',
      '1 ',
      '1, 1',
      '01',
      '',
      '\u0000',
      1,
      ['1'],
      ['1', '1'],
      null,
      {},
    ];
    for (const value of junk) {
      const headers = { 'sec-gpc': value, dnt: value } as Record<string, string>;
      expect(readSignals(headers)).toEqual({ gpc: false, dnt: false });
    }
    expect(readSignals(undefined)).toEqual({ gpc: false, dnt: false });
    expect(readSignals({})).toEqual({ gpc: false, dnt: false });
  });
});
