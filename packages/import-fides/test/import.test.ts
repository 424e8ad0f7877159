import { readFileSync } from 'node:fs';
import { DataCategory, Dataset } from '@pledge/core';
import { describe, expect, it } from 'vitest';
import { fidesDatasetToPledge } from '../src/index.js';

const fixture = readFileSync(new URL('./fixtures/bookshop-dataset.yml', import.meta.url), 'utf8');

function collection(result: ReturnType<typeof fidesDatasetToPledge>, dataset: string, name: string) {
  const found = result.datasets.find((d) => d.id === dataset)?.collections.find((c) => c.name === name);
  if (!found) throw new Error(`no collection ${dataset}.${name}`);
  return found;
}

function field(result: ReturnType<typeof fidesDatasetToPledge>, path: string) {
  const [dataset, name, fieldName] = path.split('/') as [string, string, string];
  const found = collection(result, dataset, name).fields.find((f) => f.name === fieldName);
  if (!found) throw new Error(`no field ${path}`);
  return found;
}

describe('fidesDatasetToPledge on a realistic dataset file', () => {
  const result = fidesDatasetToPledge(fixture);

  it('converts every dataset and collection, as valid manifest sections', () => {
    expect(result.ok).toBe(true);
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(result.datasets.map((d) => d.id)).toEqual(['bookshop_postgres', 'bookshop_mongo']);
    expect(result.datasets[0]?.datastore).toEqual({
      kind: 'postgres',
      connection: 'PLEDGE_BOOKSHOP_POSTGRES_URL',
    });
    expect(result.datasets[0]?.description).toBe(
      'Customers, addresses, orders and payments of the online bookshop.',
    );
    expect(result.datasets[1]?.description).toBe('Bookshop Mongo');
    expect(result.datasets[0]?.collections.map((c) => c.name)).toEqual([
      'address',
      'customer',
      'orders',
      'payment_card',
      'login',
      'reading_profile',
    ]);
    for (const dataset of result.datasets) expect(Dataset.safeParse(dataset).success).toBe(true);
    for (const category of Object.values(result.categories))
      expect(DataCategory.safeParse(category).success).toBe(true);
  });

  it('maps identities, primary keys and references', () => {
    expect(collection(result, 'bookshop_postgres', 'customer').primaryKey).toBe('id');
    expect(field(result, 'bookshop_postgres/customer/id').identity).toBe('user-id');
    expect(field(result, 'bookshop_postgres/customer/email').identity).toBe('email');
    expect(field(result, 'bookshop_postgres/customer/phone').identity).toBe('phone');
    expect(field(result, 'bookshop_mongo/newsletter/ga_client').identity).toBe('cookie-id');
    // direction "from": the referenced row owns this one; the field keeps the reference.
    expect(field(result, 'bookshop_postgres/orders/customer_id').references).toBe(
      'bookshop_postgres.customer.id',
    );
    expect(field(result, 'bookshop_mongo/newsletter/subscriber_email').references).toBe(
      'bookshop_postgres.customer.email',
    );
    // direction "to": this field's values find the referenced rows, so the reference is
    // written on the referenced field, owned by the rows that point at it.
    expect(field(result, 'bookshop_postgres/customer/address_id').references).toBeUndefined();
    expect(field(result, 'bookshop_postgres/address/id').references).toEqual([
      'bookshop_postgres.customer.address_id',
      'bookshop_postgres.orders.shipping_address_id',
      'bookshop_postgres.payment_card.billing_address_id',
    ]);
    expect(field(result, 'bookshop_postgres/address/id').relation).toBeUndefined();
    expect(collection(result, 'bookshop_postgres', 'reading_profile').primaryKey).toBeUndefined();
  });

  it('maps an identity with no Pledge kind to external-id, with a warning', () => {
    expect(field(result, 'bookshop_mongo/newsletter/loyalty_number').identity).toBe('external-id');
    expect(result.issues).toContainEqual(
      expect.objectContaining({
        code: 'fides.identity-mapped',
        severity: 'warning',
        path: 'dataset[1].collections[0].fields[3].fides_meta.identity',
      }),
    );
  });

  it('turns data categories into manifest category ids and returns the categories to add', () => {
    expect(field(result, 'bookshop_postgres/customer/email').categories).toEqual(['user-contact-email']);
    expect(result.categories['user.contact.email']).toEqual({
      id: 'user-contact-email',
      taxonomy: 'user.contact.email',
      name: { en: 'Email address', 'zh-CN': '电子邮件地址' },
      examples: [],
      source: 'voluntary',
      subjects: ['customer'],
      required: false,
    });
    expect(result.categories['user.unique_id']?.source).toBe('derived');
    expect(result.categories['user.behavior']?.source).toBe('automatic');
    // Non-personal data gets no manifest category; the skip is reported once per key.
    expect(result.categories['system.operations']).toBeUndefined();
    expect(field(result, 'bookshop_postgres/customer/created').categories).toEqual([]);
    expect(result.issues.filter((i) => i.code === 'fides.category-not-personal')).toEqual([
      expect.objectContaining({ severity: 'info', path: 'dataset[0].collections[0].fields[0]' }),
    ]);
    expect(result.categoryIds['user.financial.bank_account']).toBe('user-financial-bank-account');
    expect(Object.keys(result.categoryIds).sort()).toEqual(Object.keys(result.categories).sort());
  });

  it('derives erasure from sensitivity, keeping keys and non-personal fields', () => {
    expect(field(result, 'bookshop_postgres/customer/id').erasure).toBe('keep');
    expect(field(result, 'bookshop_postgres/customer/created').erasure).toBe('keep');
    expect(field(result, 'bookshop_postgres/customer/address_id').erasure).toBe('keep');
    // Personal text: a keyed hash, as Fides' HMAC default; personal of unknown type: null.
    expect(field(result, 'bookshop_postgres/customer/email').erasure).toBe('hash');
    expect(field(result, 'bookshop_postgres/address/city').erasure).toBe('null');
    // Sensitive (financial): removed even when it is text.
    expect(field(result, 'bookshop_postgres/payment_card/ccn').erasure).toBe('null');
    expect(field(result, 'bookshop_postgres/payment_card/holder').erasure).toBe('null');
  });

  it('honours masking overrides and collection deletion', () => {
    expect(field(result, 'bookshop_postgres/orders/gift_note').erasure).toBe('mask');
    expect(result.issues).toContainEqual(
      expect.objectContaining({
        code: 'fides.strategy-approximated',
        severity: 'info',
        path: 'dataset[0].collections[2].fields[3].fides_meta.masking_strategy_override',
      }),
    );
    const login = collection(result, 'bookshop_postgres', 'login');
    expect(login.erasure).toBe('delete-row');
    expect(login.fields.map((f) => f.erasure)).toEqual(['delete-row', 'delete-row', 'delete-row']);
    expect(collection(result, 'bookshop_postgres', 'orders').erasure).toBe('fields');
    expect(result.issues).toContainEqual(
      expect.objectContaining({
        code: 'fides.ordering-dropped',
        path: 'dataset[0].collections[2].fides_meta.erase_after',
      }),
    );
  });

  it('flattens nested fields with dotted names, inheriting the collection categories', () => {
    const profile = collection(result, 'bookshop_postgres', 'reading_profile');
    expect(profile.fields.map((f) => f.name)).toEqual([
      'customer_id',
      'preferences.genres',
      'preferences.reading_speed',
      'health_note',
    ]);
    expect(field(result, 'bookshop_postgres/reading_profile/preferences.genres').categories).toEqual([
      'user-behavior',
    ]);
    expect(field(result, 'bookshop_postgres/reading_profile/preferences.genres').erasure).toBe('null');
    expect(field(result, 'bookshop_postgres/reading_profile/customer_id').categories).toEqual([
      'user-unique-id',
    ]);
  });

  it('reports deprecated categories with their replacement', () => {
    expect(field(result, 'bookshop_postgres/reading_profile/health_note').erasure).toBe('null');
    expect(result.issues).toContainEqual(
      expect.objectContaining({
        code: 'fides.category-deprecated',
        severity: 'info',
        path: 'dataset[0].collections[5].fields[2].data_categories[0]',
      }),
    );
  });

  it('reuses manifest categories that map the same key, and takes the datastore kind', () => {
    const reused = fidesDatasetToPledge(fixture, {
      datastoreKind: 'mysql',
      existingCategories: [{ id: 'email', taxonomy: 'user.contact.email' }],
    });
    expect(field(reused, 'bookshop_postgres/customer/email').categories).toEqual(['email']);
    expect(reused.categoryIds['user.contact.email']).toBe('email');
    expect(reused.categories['user.contact.email']).toBeUndefined();
    expect(reused.datasets.every((d) => d.datastore.kind === 'mysql')).toBe(true);
  });

  it('accepts the parsed object, a bare list and a single dataset alike', () => {
    const single = {
      fides_key: 'one',
      collections: [{ name: 't', fields: [{ name: 'email', data_categories: ['user.contact.email'] }] }],
    };
    for (const input of [{ dataset: [single] }, [single], single]) {
      const converted = fidesDatasetToPledge(input);
      expect(converted.ok).toBe(true);
      expect(converted.datasets[0]?.collections[0]?.fields[0]).toEqual({
        name: 'email',
        categories: ['user-contact-email'],
        erasure: 'null',
      });
    }
  });

  it('reads the older fidesops_meta like fides_meta', () => {
    const converted = fidesDatasetToPledge({
      dataset: [
        {
          fides_key: 'legacy',
          collections: [{ name: 'users', fields: [{ name: 'mail', fidesops_meta: { identity: 'email' } }] }],
        },
      ],
    });
    expect(converted.datasets[0]?.collections[0]?.fields[0]?.identity).toBe('email');
  });
});
