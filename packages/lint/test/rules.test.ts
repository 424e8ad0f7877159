import { ManifestSchema } from '@pledge/core';
import { describe, expect, it } from 'vitest';
import { baseManifest, exampleManifest, lintManifest, lintRules } from '../src/index.js';

describe('lint rule registry', () => {
  it('has at least 30 rules with distinct, stable codes', () => {
    const codes = lintRules.map((rule) => rule.code);
    expect(codes.length).toBeGreaterThanOrEqual(30);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*\.[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(codes).toEqual([...codes].sort());
  });

  it('documents every rule', () => {
    for (const rule of lintRules) {
      expect(['error', 'warning', 'info']).toContain(rule.severity);
      expect(rule.title.length, rule.code).toBeGreaterThan(5);
      expect(rule.description.length, rule.code).toBeGreaterThan(30);
      expect(rule.why.length, rule.code).toBeGreaterThan(60);
    }
  });

  it('finds nothing in the base manifest the examples patch', () => {
    expect(lintManifest(ManifestSchema.parse(baseManifest))).toEqual([]);
  });
});

describe.each(lintRules.map((rule) => [rule.code, rule] as const))('%s', (code, rule) => {
  it('reports its failing example, with its own severity', () => {
    const found = lintManifest(exampleManifest(rule.examples.failing)).filter((issue) => issue.code === code);
    expect(found.length).toBeGreaterThan(0);
    for (const issue of found) {
      expect(issue.severity).toBe(rule.severity);
      expect(issue.path).not.toBe('');
      expect(issue.message.length).toBeGreaterThan(10);
    }
  });

  it('accepts its passing example without any finding', () => {
    expect(lintManifest(exampleManifest(rule.examples.passing))).toEqual([]);
  });
});
