import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderPolicy } from '../src/index.js';
import { FULL_YAML, manifestFrom } from './fixture.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('renderPolicy determinism', () => {
  it.each([
    ['html', 'en'],
    ['html', 'zh-CN'],
    ['md', 'en'],
    ['md', 'zh-CN'],
  ] as const)('renders %s/%s identically twice, whatever the clock says', (format, lang) => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2020-01-01T00:00:00Z'));
    const first = renderPolicy(manifestFrom(FULL_YAML), { format, lang });
    vi.setSystemTime(new Date('2031-07-15T12:34:56Z'));
    const second = renderPolicy(manifestFrom(FULL_YAML), { format, lang });
    expect(second).toBe(first);
  });

  it('does not modify the manifest', () => {
    const manifest = manifestFrom(FULL_YAML);
    const before = JSON.stringify(manifest);
    renderPolicy(manifest, { format: 'html', lang: 'zh-CN' });
    renderPolicy(manifest, { format: 'md', lang: 'en' });
    expect(JSON.stringify(manifest)).toBe(before);
  });
});
