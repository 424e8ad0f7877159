import { Dataset } from '@pledge/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fidesDatasetToPledge } from '../src/index.js';

/** `{ dataset: [dataset] }` with one collection of the given fields. */
function withFields(fields: unknown[], key = 'shop') {
  return { dataset: [{ fides_key: key, collections: [{ name: 'customer', fields }] }] };
}

function codes(input: unknown) {
  return fidesDatasetToPledge(input).issues.map((i) => [i.code, i.severity, i.path]);
}

describe('fidesDatasetToPledge on malformed input', () => {
  it.each([
    ['empty text', '', 'fides.no-datasets', '(root)'],
    ['a YAML syntax error', 'dataset: [', 'fides.yaml-syntax', '(root)'],
    ['a number', 42, 'fides.no-datasets', '(root)'],
    ['null', null, 'fides.no-datasets', '(root)'],
    ['dataset that is not a list', { dataset: { fides_key: 'x' } }, 'fides.not-a-list', 'dataset'],
    ['an empty list', { dataset: [] }, 'fides.no-datasets', 'dataset'],
    ['a dataset that is a string', { dataset: ['x'] }, 'fides.dataset-invalid', 'dataset[0]'],
    [
      'a dataset without fides_key',
      { dataset: [{ collections: [] }] },
      'fides.dataset-invalid',
      'dataset[0].fides_key',
    ],
    [
      'collections that are not a list',
      { dataset: [{ fides_key: 'a', collections: 'x' }] },
      'fides.dataset-invalid',
      'dataset[0].collections',
    ],
    [
      'a field without a name',
      withFields([{ data_categories: [] }]),
      'fides.field-invalid',
      'dataset[0].collections[0].fields[0]',
    ],
  ])('reports %s as an error, never throwing', (_title, input, code, path) => {
    const result = fidesDatasetToPledge(input);
    expect(result.ok).toBe(false);
    expect(result.issues).toContainEqual(expect.objectContaining({ code, severity: 'error', path }));
  });

  it('drops a collection and a dataset left without usable fields', () => {
    expect(codes(withFields([7]))).toEqual([
      ['fides.field-invalid', 'error', 'dataset[0].collections[0].fields[0]'],
      ['fides.collection-empty', 'error', 'dataset[0].collections[0]'],
      ['fides.dataset-empty', 'error', 'dataset[0]'],
    ]);
    expect(fidesDatasetToPledge(withFields([7])).datasets).toEqual([]);
  });

  it('refuses a second dataset with the same id', () => {
    const one = withFields([{ name: 'a' }], 'Shop').dataset[0];
    const two = withFields([{ name: 'b' }], 'shop').dataset[0];
    const result = fidesDatasetToPledge({ dataset: [one, two] });
    expect(result.datasets.map((d) => d.id)).toEqual(['shop']);
    expect(result.issues).toContainEqual(
      expect.objectContaining({ code: 'fides.key-renamed', severity: 'info', path: 'dataset[0].fides_key' }),
    );
    expect(result.issues).toContainEqual(
      expect.objectContaining({ code: 'fides.duplicate-dataset', severity: 'error', path: 'dataset[1]' }),
    );
  });

  it('keeps what it can of bad references, several per field, and reports the rest', () => {
    const ref = (dataset: unknown, fieldPath: unknown) => ({ dataset, field: fieldPath, direction: 'from' });
    const result = fidesDatasetToPledge(
      withFields([
        { name: 'id' },
        { name: 'a', fides_meta: { references: [ref('shop', 'nodot')] } },
        { name: 'b', fides_meta: { references: [ref('shop', 'customer.profile.id')] } },
        { name: 'c', fides_meta: { references: [ref('shop', 'customer.id'), ref('shop', 'customer.a')] } },
        { name: 'd', fides_meta: { references: [ref('elsewhere', 'users.id')] } },
        { name: 'e', fides_meta: { references: [ref('shop', 'customer.missing')] } },
        { name: 'f', fides_meta: { references: 'customer.id' } },
      ]),
    );
    expect(result.ok).toBe(true);
    const fields = result.datasets[0]?.collections[0]?.fields ?? [];
    expect(fields.map((f) => f.references)).toEqual([
      undefined,
      undefined,
      undefined,
      ['shop.customer.id', 'shop.customer.a'],
      'elsewhere.users.id',
      'shop.customer.missing',
      undefined,
    ]);
    const base = 'dataset[0].collections[0].fields';
    expect(result.issues.map((i) => [i.code, i.path])).toEqual([
      ['fides.reference-invalid', `${base}[1].fides_meta.references[0]`],
      ['fides.reference-nested', `${base}[2].fides_meta.references[0]`],
      ['fides.reference-invalid', `${base}[6].fides_meta.references`],
      ['fides.reference-external', `${base}[4].fides_meta.references[0]`],
      ['fides.reference-unresolved', `${base}[5].fides_meta.references[0]`],
    ]);
  });

  it('warns about unknown categories, composite keys, bad metadata and duplicate fields', () => {
    const result = fidesDatasetToPledge(
      withFields([
        { name: 'a', data_categories: ['user.not_a_category', 3], fides_meta: { primary_key: true } },
        { name: 'b', fides_meta: { primary_key: true, identity: 5 } },
        { name: 'c', fides_meta: 'oops', data_categories: 'user.name' },
        { name: 'a', data_categories: ['user.name'] },
        {
          name: 'd',
          fides_meta: { masking_strategy_override: { strategy: 'teleport' } },
          data_categories: ['user'],
        },
      ]),
    );
    const base = 'dataset[0].collections[0]';
    expect(result.issues.map((i) => [i.code, i.severity, i.path])).toEqual([
      ['fides.category-unknown', 'warning', `${base}.fields[0].data_categories[0]`],
      ['fides.category-invalid', 'warning', `${base}.fields[0].data_categories[1]`],
      ['fides.identity-invalid', 'warning', `${base}.fields[1].fides_meta.identity`],
      ['fides.meta-invalid', 'warning', `${base}.fields[2].fides_meta`],
      ['fides.categories-invalid', 'warning', `${base}.fields[2].data_categories`],
      ['fides.strategy-unknown', 'warning', `${base}.fields[4].fides_meta.masking_strategy_override`],
      ['fides.duplicate-field', 'warning', `${base}.fields[3]`],
      ['fides.composite-key', 'warning', base],
    ]);
    const fields = result.datasets[0]?.collections[0]?.fields ?? [];
    // An unknown category is kept (the manifest lint reports it) and counts as personal.
    expect(fields[0]?.categories).toEqual(['user-not-a-category']);
    expect(fields.map((f) => f.erasure)).toEqual(['keep', 'keep', 'keep', 'null']);
  });

  it('refuses fields nested deeper than it follows', () => {
    let node: Record<string, unknown> = { name: 'leaf', data_categories: ['user.name'] };
    for (let depth = 0; depth < 20; depth++) node = { name: `n${depth}`, fields: [node] };
    const result = fidesDatasetToPledge(withFields([node, { name: 'ok' }]));
    expect(result.issues.map((i) => i.code)).toContain('fides.too-deep');
    expect(result.datasets[0]?.collections[0]?.fields.map((f) => f.name)).toEqual(['ok']);
  });

  it('treats keys such as __proto__ and constructor as data', () => {
    const input = JSON.parse(
      '{"dataset":[{"fides_key":"constructor","collections":[{"name":"__proto__","fields":[{"name":"toString","data_categories":["__proto__"],"fides_meta":{"identity":"constructor"}}]}]}]}',
    );
    const result = fidesDatasetToPledge(input);
    expect(result.datasets[0]?.id).toBe('constructor');
    expect(result.datasets[0]?.collections[0]?.fields[0]?.identity).toBe('external-id');
    expect(Object.hasOwn(result.categories, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(result.categories)).toBe(Object.prototype);
  });
});

/** Mostly the given shape, sometimes any value at all. */
const mostly = <T>(good: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: good, weight: 8 }, { arbitrary: fc.anything(), weight: 1 });

const reference = fc.record(
  {
    dataset: mostly(fc.constantFrom('shop', 'Other.Set')),
    field: mostly(fc.constantFrom('customer.id', 'customer.email', 'customer', 'x.y.z', 'a b.c')),
    direction: fc.constantFrom('from', 'to'),
  },
  { requiredKeys: [] },
);

const fieldMeta = fc.record(
  {
    identity: mostly(fc.constantFrom('email', 'phone_number', 'loyalty')),
    primary_key: fc.boolean(),
    data_type: fc.constantFrom('string', 'integer', 'string[]'),
    read_only: fc.anything(),
    references: mostly(fc.array(reference, { maxLength: 3 })),
    masking_strategy_override: mostly(
      fc.record({ strategy: fc.constantFrom('hash', 'null_rewrite', 'string_rewrite', 'delete', 'x') }),
    ),
  },
  { requiredKeys: [] },
);

const categoryKeys = fc.array(
  fc.constantFrom('user.contact.email', 'system.operations', 'user.financial', 'user', 'nope', '__proto__'),
);

/** Values shaped like fideslang datasets, with malformed parts mixed in. */
const fidesish = fc.letrec((tie) => ({
  field: fc.record(
    {
      name: mostly(fc.oneof(fc.constantFrom('id', 'email', 'customer_id', 'a.b', ''), fc.string())),
      data_categories: mostly(categoryKeys),
      fides_meta: mostly(fieldMeta),
      fields: fc.oneof(
        { depthSize: 'small' },
        fc.constant(undefined),
        fc.array(tie('field'), { maxLength: 3 }),
      ),
    },
    { requiredKeys: ['name'] },
  ),
  collection: fc.record(
    {
      name: mostly(fc.constantFrom('customer', 'orders', 'weird name')),
      fields: mostly(fc.array(tie('field'), { maxLength: 4 })),
      data_categories: fc.array(fc.constantFrom('user.name', 'system')),
      fides_meta: mostly(
        fc.record({ masking_strategy_override: fc.record({ strategy: fc.constantFrom('delete', 'hash') }) }),
      ),
    },
    { requiredKeys: ['name', 'fields'] },
  ),
  dataset: fc.record(
    {
      fides_key: mostly(fc.constantFrom('shop', 'Shop', 'Other.Set', '-x')),
      collections: mostly(fc.array(tie('collection'), { maxLength: 3 })),
    },
    { requiredKeys: ['fides_key', 'collections'] },
  ),
}));

describe('fidesDatasetToPledge properties', () => {
  const check = (input: unknown) => {
    const result = fidesDatasetToPledge(input);
    expect(typeof result.ok).toBe('boolean');
    expect(result.ok).toBe(!result.issues.some((i) => i.severity === 'error'));
    for (const issue of result.issues) expect(issue.code).toMatch(/^fides\.[a-z-]+$/);
    for (const dataset of result.datasets) expect(Dataset.safeParse(dataset).success).toBe(true);
    const ids = new Set(Object.values(result.categoryIds));
    for (const dataset of result.datasets) {
      for (const f of dataset.collections.flatMap((c) => c.fields)) {
        for (const id of f.categories) expect(ids.has(id)).toBe(true);
      }
    }
  };

  it('never throws on any value', () => {
    fc.assert(fc.property(fc.anything({ withObjectString: true, withNullPrototype: true }), check), {
      numRuns: 500,
    });
  });

  it('never throws on any text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), check), { numRuns: 300 });
  });

  it('never throws on dataset-shaped values, and returns only valid datasets', () => {
    fc.assert(
      fc.property(fc.array(fidesish.dataset, { maxLength: 3 }), (datasets) => check({ dataset: datasets })),
      { numRuns: 400 },
    );
  });
});
