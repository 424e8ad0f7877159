import { DATASTORE_KINDS, ERASURE_STRATEGIES } from '@pledge/core';
import { describe, expect, it } from 'vitest';
import {
  ConnectorError,
  capabilitiesOf,
  createConnector,
  DATASTORE_CAPABILITIES,
  describeStatements,
} from '../src/index.js';
import { collection } from './seed.js';

describe('datastore capabilities', () => {
  it('declares every datastore kind of the manifest, and each connector carries its own', () => {
    expect(Object.keys(DATASTORE_CAPABILITIES).sort()).toEqual([...DATASTORE_KINDS].sort());
    for (const kind of DATASTORE_KINDS) {
      expect(capabilitiesOf(kind).kind).toBe(kind);
      expect(createConnector(kind, '').capabilities).toBe(capabilitiesOf(kind));
      for (const s of capabilitiesOf(kind).strategies) expect(ERASURE_STRATEGIES).toContain(s);
    }
  });

  it('names each kind its key field', () => {
    const users = collection('users', ['id', 'email'], 'id');
    expect(capabilitiesOf('postgres').keyField(users)).toBe('id');
    expect(capabilitiesOf('mysql').keyField({ ...users, primaryKey: undefined })).toBeUndefined();
    expect(capabilitiesOf('redis').keyField(collection('session:{sid}', ['sid', 'token']))).toBe('sid');
    expect(capabilitiesOf('files').keyField(collection('cvs/{id}', ['id']))).toBe('path');
    expect(capabilitiesOf('files').strategies).not.toContain('mask');
    expect(capabilitiesOf('files').rectify).toBe(false);
  });

  it('describes statements without a connection, and refuses what the connector refuses', () => {
    const users = collection('users', ['id', 'email'], 'id');
    // A locate reads the column's type first (once per table), to type the values to it.
    const located = describeStatements('postgres', users, { operation: 'locate', field: 'email' });
    expect(located.map((s) => s.operation)).toEqual(['introspect', 'locate']);
    expect(located[1]).toEqual({
      kind: 'postgres',
      operation: 'locate',
      collection: 'users',
      text: 'SELECT DISTINCT "id" AS k, "email" AS v FROM "users" WHERE "email" = ANY($1)',
      per: 'batch',
      exact: true,
    });
    const folded = describeStatements('postgres', users, {
      operation: 'locate',
      field: 'email',
      match: 'casefold',
    });
    expect(folded[1]?.text).toBe(
      'SELECT DISTINCT "id" AS k, "email" AS v FROM "users" WHERE lower(normalize("email"::text, NFC)) = ANY($1::text[])',
    );
    const mysqlLocate = describeStatements('mysql', users, { operation: 'locate', field: 'email' });
    // The binary test depends on the column being text: a stand-in until the type is read.
    expect(mysqlLocate[1]?.text).toContain('CAST(`email` AS BINARY) IN (?)');
    expect(mysqlLocate[1]?.exact).toBe(false);
    expect(
      describeStatements('sqlite', users, { operation: 'read' }, { keys: 3 }).map((s) => s.text),
    ).toEqual(['SELECT * FROM "users" WHERE "id" IN (?, ?, ?) ORDER BY "id"']);
    expect(() => describeStatements('mysql', users, { operation: 'locate', field: 'nope' })).toThrow(
      ConnectorError,
    );
    const files = collection('cvs/{id}', ['id', 'document']);
    expect(() => describeStatements('files', files, { operation: 'rectify', fields: ['document'] })).toThrow(
      ConnectorError,
    );
  });
});
