import type { StatementOperation, StatementRepeat } from '@pledge/connectors';
import type { DatastoreKind, ErasureStrategy, IdentityKind, Issue } from '@pledge/core';

/** Kinds of data-subject request that walk the datastores. Restriction only writes the ledger. */
export type TraversalKind = 'access' | 'erase' | 'rectify';

/** Every request kind. */
export type DsrKind = TraversalKind | 'restrict';

/** The datastore kinds of `datasets[].datastore.kind` (core's `DATASTORE_KINDS`). */
export type { DatastoreKind };

/** The subject's identity values by kind, e.g. `{ email: ['a@example.com'] }`. */
export type IdentityValues = Partial<Record<IdentityKind, readonly string[]>>;

/** A field of a collection, by dataset id, collection name and field name. */
export interface FieldAddress {
  dataset: string;
  collection: string;
  field: string;
}

/**
 * How a step finds its keys.
 *
 * - `identity`: rows whose `field` holds one of the request's values of `identity`.
 * - `reference`: rows whose `field` references `fromField` of the rows found by step `from`
 *   (a child found from its parent).
 * - `owner`: rows whose `field` equals the `through.referenceField` of the rows of
 *   `through` found by the subject's own `through.identity` values (the account that owns
 *   a device the subject named). Only along a reference the manifest marks
 *   `relation: identifies-owner`, one level up.
 */
export type Locator =
  | { via: 'identity'; field: string; identity: IdentityKind }
  | { via: 'reference'; field: string; from: number; fromField: string }
  | {
      via: 'owner';
      field: string;
      through: {
        dataset: string;
        collection: string;
        identityField: string;
        identity: IdentityKind;
        referenceField: string;
      };
    };

/**
 * An operation a step's statement is sent for, as in the connectors' statement events: a
 * step locates, reads, erases, rectifies, and before a SQL erase may list the table's columns.
 */
export type StepOperation = StatementOperation;

/**
 * A statement a step would send, as its connector describes it: never holds values. `per`
 * says how often it runs; `exact` is false when part of the text stands in for a column type
 * the connector reads when the step runs.
 */
export interface StatementTemplate {
  operation: StepOperation;
  text: string;
  per: StatementRepeat;
  exact: boolean;
}

/** What erasure does to one field. */
export interface FieldErasure {
  field: string;
  strategy: ErasureStrategy;
  /** Set when a legal hold keeps the field. */
  legalHold?: string;
  categories: string[];
}

/** The erasure of one collection. */
export interface StepErasure {
  /** `delete-row`: the rows go; `fields`: field strategies apply; `none`: every field is kept. */
  mode: 'delete-row' | 'fields' | 'none';
  /** The plan handed to `connector.erase` (fields kept are left out). */
  plan: Record<string, ErasureStrategy>;
  fields: FieldErasure[];
  /** Fields kept under a legal hold, with the hold's id. */
  held: Array<{ field: string; legalHold: string }>;
}

/** One collection of one dataset, in traversal order. */
export interface PlanStep {
  index: number;
  dataset: string;
  collection: string;
  datastore: DatastoreKind;
  /** The key field: SQL primary key, Redis placeholder, or `path` for files. */
  keyField: string;
  /**
   * A root step: the rows its `identity` and `owner` locators find are the subject's root
   * rows (no reached collection owns them); every other step is located from the rows of the
   * steps that own it (`reference` locators only). A root step has no `reference` locator.
   */
  root: boolean;
  /** Ways the step's keys are found; they are united. */
  locators: Locator[];
  /** Fields whose values later steps need (children located from this step). */
  provides: string[];
  /** Categories the collection's fields hold. */
  categories: string[];
  statements: StatementTemplate[];
  /** Erasure requests only. */
  erasure?: StepErasure;
  /** Rectification requests only: the fields this step sets. */
  rectify?: string[];
}

/** A plan: ordered steps, the order writes run in, and what was found wrong before anything ran. */
export interface Plan {
  /** `restrict` plans have no step: a restriction is written to the consent ledger. */
  kind: DsrKind;
  steps: PlanStep[];
  /**
   * Step indexes in the order writes run: children before parents for erasure (so foreign
   * keys never block a delete), traversal order otherwise.
   */
  writeOrder: number[];
  identity: {
    /** Kinds the manifest locates subjects by. */
    known: IdentityKind[];
    /** Kinds the request gives that some step uses. */
    used: IdentityKind[];
    /** Kinds the manifest uses that the request lacks. */
    missing: IdentityKind[];
  };
  /** Collections no identity and no reference path reaches, as `dataset.collection`. */
  unreachable: string[];
  /** Reachable collections this request does not reach (their identity kinds are missing). */
  notReached: string[];
  issues: Issue[];
}
