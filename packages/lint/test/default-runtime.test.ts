import { PROMISE_FIELDS } from '@pledge/core';
import { describe, expect, it } from 'vitest';
import { exampleManifest, lintManifest } from '../src/index.js';

const CODE = 'default.runtime-behaviour';
/** Promise-like fields whose default changes what Pledge does at run time. */
const RUNTIME = PROMISE_FIELDS.filter((field) => field.behaviour !== undefined);

/** A patch that removes one top-level-object field (`signals.doNotTrack`) from the base example. */
function without(path: string): Record<string, unknown> {
  const [head, ...rest] = path.split('.');
  if (!head || rest.length !== 1 || path.includes('[]')) throw new Error(`unsupported path ${path}`);
  return { [head]: { [rest[0] as string]: null } };
}

describe(CODE, () => {
  it('covers the signals, whose defaults decide what Pledge does when a browser sends them', () => {
    expect(RUNTIME.map((field) => field.path).sort()).toEqual([
      'signals.doNotTrack',
      'signals.globalPrivacyControl',
    ]);
  });

  describe.each(RUNTIME.map((field) => [field.path, field] as const))('%s', (path, field) => {
    it('left out: says what Pledge does by default', () => {
      const found = lintManifest(exampleManifest(without(path))).filter((issue) => issue.code === CODE);
      expect(found.map((issue) => issue.path)).toEqual([path]);
      expect(found[0]?.message).toContain(field.behaviour);
      expect(found[0]?.severity).toBe('info');
    });

    it('stated: nothing to say', () => {
      const found = lintManifest(exampleManifest({})).filter((issue) => issue.code === CODE);
      expect(found).toEqual([]);
    });
  });
});
