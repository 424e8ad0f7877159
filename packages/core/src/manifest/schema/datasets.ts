import { z } from 'zod';
import { Id } from './common.js';

/**
 * The datastore kinds a dataset can name (`datasets[].datastore.kind`): the one list the
 * schema, the connectors and the DSR planner share.
 */
export const DATASTORE_KINDS = ['postgres', 'mysql', 'redis', 'sqlite', 'files'] as const;
/** A datastore kind of {@link DATASTORE_KINDS}. */
export type DatastoreKind = (typeof DATASTORE_KINDS)[number];

/**
 * The erasure strategies a field can be given (`fields[].erasure`): the one list the schema,
 * the connectors and the DSR planner share. `delete-row` removes the whole row, key or file;
 * `keep` leaves the field; the others rewrite the value in place.
 */
export const ERASURE_STRATEGIES = ['delete-row', 'null', 'mask', 'hash', 'anonymise', 'keep'] as const;

/** How one field is erased. */
export const ErasureStrategy = z
  .enum(ERASURE_STRATEGIES)
  .describe('delete-row removes the whole row/key/file; keep leaves the field (e.g. under a legal hold).');
export type ErasureStrategy = z.infer<typeof ErasureStrategy>;

/** Identity kinds a subject can be found by. */
export const IdentityKind = z.enum([
  'user-id',
  'email',
  'phone',
  'username',
  'device-serial',
  'cookie-id',
  'external-id',
]);
export type IdentityKind = z.infer<typeof IdentityKind>;

/** A reference, written `dataset.collection.field`. */
const FieldReference = z
  .string()
  .regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_:*-]+\.[A-Za-z0-9_-]+$/, 'must be dataset.collection.field');

/**
 * What a field's `references` say about the rows (`fields[].relation`), the one list the
 * schema and the DSR planner share. `owned-by` (the default): the referenced row owns this
 * row, so a request reaches this row from its owner (`orders.user_id → users.id`).
 * `identifies-owner`: as `owned-by`, and this row, when the subject's own identity finds it,
 * names its owner, so the request climbs to the referenced row (a device found by its serial
 * names the account). `link`: a mere link that a request never follows
 * (`tickets.handled_by → employees.id`).
 */
export const REFERENCE_RELATIONS = ['owned-by', 'identifies-owner', 'link'] as const;
/** A relation of {@link REFERENCE_RELATIONS}. */
export type ReferenceRelation = (typeof REFERENCE_RELATIONS)[number];

/** A field of a table, key or file. */
export const DatasetField = z
  .object({
    name: z.string().min(1),
    categories: z.array(Id).default([]).describe('Data categories the field holds.'),
    identity: IdentityKind.optional().describe('The field identifies the subject directly.'),
    normalised: z
      .boolean()
      .optional()
      .describe(
        "The column holds its identity values already normalised by the kind's match rule, so it is compared as stored.",
      ),
    references: z
      .union([FieldReference, z.array(FieldReference).min(1)])
      .optional()
      .describe(
        'Foreign reference: dataset.collection.field this field points to (a list when it points to several).',
      ),
    relation: z
      .enum(REFERENCE_RELATIONS)
      .optional()
      .describe(
        "Which side owns the row. `owned-by` (the default): the referenced row owns this row; a request reaches this row from it (`orders.user_id` → `users.id`). `identifies-owner`: as `owned-by`, and a row found by the subject's own identity names its owner, so a request climbs to it, one level (a device found by its serial names the account). `link`: never followed (`tickets.handled_by` → `employees.id`). See docs/dsr.md.",
      ),
    erasure: ErasureStrategy.default('null'),
    legalHold: Id.optional().describe('Id of a legal hold that keeps this field on erasure.'),
  })
  .strict();
export type DatasetField = z.infer<typeof DatasetField>;

/**
 * A Redis set the application keeps beside a key pattern, listing the collection's keys by
 * the value of one field (`account-sessions:{account_id}` → the session keys of an account):
 * a lookup by that field reads the set instead of scanning every key of the pattern.
 */
export const CollectionIndex = z
  .object({
    field: z.string().min(1).describe('The field the set is keyed by.'),
    set: z
      .string()
      .regex(
        /^[A-Za-z0-9_:.-]*\{[A-Za-z_][A-Za-z0-9_]*\}[A-Za-z0-9_:.-]*$/,
        'must be a key pattern with one {field}',
      )
      .describe(
        "Key pattern of the set, with the field as its placeholder, e.g. account-sessions:{account_id}; members are the collection's keys or their ids.",
      ),
  })
  .strict()
  .refine((index) => index.set.includes(`{${index.field}}`), {
    message: 'the set pattern must name the field as its placeholder',
    path: ['set'],
  });
export type CollectionIndex = z.infer<typeof CollectionIndex>;

/** A table, key pattern or folder. */
export const DatasetCollection = z
  .object({
    name: z.string().min(1).describe('Table name, Redis key pattern (with {id}) or folder path.'),
    primaryKey: z
      .union([z.string().min(1), z.array(z.string().min(1)).min(2)])
      .optional()
      .describe('Key column of a table, or its columns ([a, b]) when the key is composite.'),
    fields: z.array(DatasetField).min(1),
    erasure: z
      .enum(['fields', 'delete-row'])
      .default('fields')
      .describe('delete-row removes the subject rows entirely; fields applies each field strategy.'),
    indexes: z
      .array(CollectionIndex)
      .optional()
      .describe(
        'Redis: sets that list the keys by a field (SADD by the application); a lookup by that field reads the set instead of scanning every key.',
      ),
  })
  .strict();
export type DatasetCollection = z.infer<typeof DatasetCollection>;

/** A datastore and what it holds. */
export const Dataset = z
  .object({
    id: Id,
    datastore: z
      .object({
        kind: z.enum(DATASTORE_KINDS),
        connection: z
          .string()
          .optional()
          .describe('Name of the environment variable holding the connection string or path.'),
      })
      .strict(),
    description: z.string().optional(),
    collections: z.array(DatasetCollection).min(1),
  })
  .strict();
export type Dataset = z.infer<typeof Dataset>;

/** A field's references as a list (`references` may be one reference or several). */
export function fieldReferences(field: Pick<DatasetField, 'references'>): string[] {
  const value = field.references;
  if (value === undefined) return [];
  return typeof value === 'string' ? [value] : [...value];
}
