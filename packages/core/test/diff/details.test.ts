import { baseInput, edited, exampleManifests, toManifest } from '@pledge/testing/manifests';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffManifests, type Manifest, ManifestSchema, parseManifest } from '../../src/index.js';

const base = toManifest(baseInput());

type Segment = string | number;

/** Every scalar of a manifest with its path, defaults included. */
function leaves(value: unknown, path: Segment[] = []): Segment[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, i]));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [path];
}

/** Every list entry of a manifest, by path. */
function entries(value: unknown, path: Segment[] = []): Segment[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => [[...path, i], ...entries(v, [...path, i])]);
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => entries(v, [...path, k]));
  return [];
}

function formatPath(path: readonly Segment[]): string {
  let out = '';
  for (const s of path) out += typeof s === 'number' ? `[${s}]` : out ? `.${s}` : s;
  return out;
}

function related(a: string, b: string): boolean {
  const under = (p: string, q: string) => p === q || p.startsWith(`${q}.`) || p.startsWith(`${q}[`);
  return under(a, b) || under(b, a);
}

/** The manifest with the scalar at `path` changed to another value of its type. */
function withLeaf(manifest: Manifest, path: readonly Segment[], text: string): unknown {
  const copy = structuredClone(manifest) as Record<Segment, unknown>;
  let parent = copy as Record<Segment, unknown>;
  for (const s of path.slice(0, -1)) parent = parent[s] as Record<Segment, unknown>;
  const key = path[path.length - 1] as Segment;
  const old = parent[key];
  parent[key] = typeof old === 'number' ? old + 1 : typeof old === 'boolean' ? !old : `${String(old)}${text}`;
  return copy;
}

/** The manifest without the list entry at `path`. */
function withoutEntry(manifest: Manifest, path: readonly Segment[]): unknown {
  const copy = structuredClone(manifest) as Record<Segment, unknown>;
  let parent = copy as Record<Segment, unknown>;
  for (const s of path.slice(0, -1)) parent = parent[s] as Record<Segment, unknown>;
  (parent as unknown as unknown[]).splice(path[path.length - 1] as number, 1);
  return copy;
}

const manifests: Array<[string, Manifest]> = [
  ['base', base],
  ...exampleManifests().map(({ name, text }): [string, Manifest] => {
    const parsed = parseManifest(text);
    if (!parsed.ok) throw new Error(`${name} does not load`);
    return [name, parsed.manifest];
  }),
];

describe('diffManifests reports every change', () => {
  it.each(manifests)(
    '%s: any single field changed anywhere is reported, at or around its path',
    (_name, manifest) => {
      const paths = leaves(manifest);
      fc.assert(
        fc.property(fc.constantFrom(...paths), fc.constantFrom('-2', 'x', ' '), (path, text) => {
          const parsed = ManifestSchema.safeParse(withLeaf(manifest, path, text));
          // The schema may normalise the edit away (a reason is trimmed): then nothing changed.
          fc.pre(parsed.success && JSON.stringify(parsed.data) !== JSON.stringify(manifest));
          if (!parsed.success) return;
          const changes = diffManifests(manifest, parsed.data);
          expect(changes.length).toBeGreaterThan(0);
          expect(changes.some((c) => related(c.path, formatPath(path)))).toBe(true);
        }),
        { numRuns: 300 },
      );
    },
  );

  it.each(manifests)('%s: any list entry removed is reported', (_name, manifest) => {
    fc.assert(
      fc.property(fc.constantFrom(...entries(manifest)), (path) => {
        const parsed = ManifestSchema.safeParse(withoutEntry(manifest, path));
        fc.pre(parsed.success);
        if (!parsed.success) return;
        const parent = formatPath(path.slice(0, -1));
        const changes = diffManifests(manifest, parsed.data);
        expect(changes.some((c) => related(c.path, parent))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('finds nothing between a manifest and a copy of it', () => {
    for (const [, manifest] of manifests)
      expect(diffManifests(manifest, structuredClone(manifest))).toEqual([]);
  });

  it('a shorter retention period is reported as a detail, not material', () => {
    const shorter = edited((m) => {
      m.retention!.rules![1]!.duration = { amount: 5, unit: 'years' };
    });
    expect(diffManifests(base, shorter)).toEqual([
      expect.objectContaining({
        code: 'field-changed',
        path: 'retention.rules[1].duration',
        message: '10 years -> 5 years',
        material: false,
        needsConsent: false,
      }),
    ]);
  });

  it('a legal hold added or widened is material; one released is a detail', () => {
    const held = edited((m) => {
      m.retention!.legalHolds = [
        {
          id: 'tax-audit',
          reason: 'Tax audit',
          categories: ['orders'],
          duration: { amount: 1, unit: 'years' },
        },
      ];
    });
    expect(diffManifests(base, held)).toEqual([
      expect.objectContaining({
        code: 'legal-hold-added',
        path: 'retention.legalHolds[0]',
        material: true,
        needsConsent: false,
        affected: { categories: ['orders'] },
      }),
    ]);
    const longer = edited((m) => {
      m.retention!.legalHolds = [
        {
          id: 'tax-audit',
          reason: 'Tax audit',
          categories: ['orders', 'email'],
          duration: { amount: 2, unit: 'years' },
        },
      ];
    });
    expect(diffManifests(held, longer).map((c) => [c.code, c.path, c.material])).toEqual([
      ['legal-hold-widened', 'retention.legalHolds[0].categories', true],
      ['legal-hold-widened', 'retention.legalHolds[0].duration', true],
    ]);
    expect(diffManifests(held, base).map((c) => [c.code, c.path, c.material])).toEqual([
      ['entry-removed', 'retention.legalHolds[0]', false],
    ]);
  });

  it("the controller's identity is material; its other details are reported as details", () => {
    const renamed = edited((m) => {
      m.controller.name = 'Other Shop AG';
      m.controller.contacts[0]!.value = 'dpo@example.test';
    });
    expect(diffManifests(base, renamed).map((c) => [c.code, c.path, c.material, c.message])).toEqual([
      ['controller-changed', 'controller.name', true, "the controller's name changed"],
      [
        'field-changed',
        'controller.contacts[0].value',
        false,
        '"privacy@example.test" -> "dpo@example.test"',
      ],
    ]);
  });

  it('a reordered list and a reworded text are details', () => {
    const reordered = edited((m) => {
      m.controller.contacts.reverse();
      m.policy.title = 'Example Shop privacy notice';
    });
    expect(diffManifests(base, reordered).map((c) => [c.code, c.path])).toEqual([
      ['field-changed', 'policy.title'],
      ['order-changed', 'controller.contacts'],
    ]);
  });
});
