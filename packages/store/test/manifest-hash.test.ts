import { baseInput, edited, toManifest } from '@pledge/testing/manifests';
import { describe, expect, it } from 'vitest';
import { contentHash, manifestHash } from '../src/index.js';

describe('manifestHash', () => {
  const base = toManifest(baseInput());

  it('is taken over the canonical source, not over the defaults filled in', () => {
    const restated = edited((m) => {
      m.policy.useMeansAcceptance = 'no';
      m.permissions = [];
    });
    expect(manifestHash(restated)).toBe(manifestHash(base));
    expect(contentHash(restated)).toBe(contentHash(base));
    expect(manifestHash(base)).not.toBe(contentHash(base));
  });

  it('changes when a stated value changes', () => {
    const changed = edited((m) => {
      m.policy.version = '2.0.0';
    });
    expect(manifestHash(changed)).not.toBe(manifestHash(base));
    expect(manifestHash(base)).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('leaves out the lint errors accepted for publishing: accepting a fault is not a new policy', () => {
    const accepting = edited((m) => {
      m.lintOverrides = [{ rule: 'breach.missing', reason: 'no breach notice yet' }];
    });
    expect(manifestHash(accepting)).toBe(manifestHash(base));
  });
});
