import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { type Connector, ConnectorError, type Row, type StatementEvent } from '../src/index.js';
import { runDescribeConformance } from './conformance-describe.js';
import { runErasureConformance } from './conformance-erasure.js';
import {
  type ConformanceFixture,
  type ConformanceTarget,
  fixtureQueries,
  norm,
  rejection,
} from './conformance-fixture.js';
import { CANARY, USERS } from './seed.js';

/** Runs the shared conformance tests; call inside a `describe`. Returns the fixture for more tests. */
export function runConformance(target: ConformanceTarget): () => ConformanceFixture {
  let f: ConformanceFixture;
  let c: Connector;

  beforeAll(async () => {
    f = await target.open();
    c = f.connector;
    await c.connect();
  });
  afterAll(async () => {
    await c?.close();
    await f?.drop();
  });
  beforeEach(async () => {
    await f.reset();
  });
  const { locatePeople, locateRelated, records } = fixtureQueries(() => f);

  it('locates a subject by an identity value, and nobody by an unknown one', async () => {
    expect(await locatePeople(f.subjects.alice)).toHaveLength(1);
    const two = await c.locate(f.people, {
      field: f.identityField,
      values: [f.subjects.alice.identity, f.subjects.carol.identity, f.subjects.alice.identity],
    });
    expect(two).toHaveLength(2);
    expect(await c.locate(f.people, { field: f.identityField, values: ['nobody-here'] })).toEqual([]);
    expect(await c.locate(f.people, { field: f.identityField, values: [] })).toEqual([]);
  });

  it("follows a reference from the subject's rows to related rows", async () => {
    const [row] = await c.read(f.people, await locatePeople(f.subjects.alice));
    expect(norm(row?.[f.idField])).toBe(norm(f.subjects.alice.id));
    const keys = await c.locate(f.related, { field: f.referenceField, values: [row?.[f.idField] as string] });
    expect(keys).toHaveLength(2);
    const rows = await c.read(f.related, keys);
    expect(rows.map((r) => norm(r[f.referenceField]))).toEqual([
      norm(f.subjects.alice.id),
      norm(f.subjects.alice.id),
    ]);
    const bobs = new Set((await locateRelated(f.subjects.bob)).map(String));
    expect(keys.some((k) => bobs.has(String(k)))).toBe(false);
  });

  it('reads the stored values, and only the fields asked for', async () => {
    const keys = await locatePeople(f.subjects.alice);
    const [row] = await c.read(f.people, keys);
    const [narrow] = await c.read(f.people, keys, [f.identityField]);
    expect(norm(narrow?.[f.identityField])).toBe(norm(f.subjects.alice.identity));
    if (records()) {
      const seed = USERS[0];
      for (const [field, value] of Object.entries(seed)) expect(norm(row?.[field]), field).toBe(norm(value));
      expect(narrow).not.toHaveProperty('name');
    } else {
      expect(row?.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(narrow).not.toHaveProperty('sha256');
    }
    expect(await c.read(f.people, [])).toEqual([]);
  });
  runErasureConformance(() => f);
  runDescribeConformance(() => f);

  it('refuses unsafe or undeclared identifiers, naming the field, and touches nothing', async () => {
    const before = await f.snapshot();
    const keys = await locatePeople(f.subjects.alice);
    const badTable = { ...f.people, name: `${f.people.name}"; DROP TABLE users; --` };
    let error = await rejection(c.locate(badTable, { field: f.identityField, values: ['x'] }));
    expect([error.code, error.path]).toEqual(['identifier-invalid', 'collection.name']);
    error = await rejection(c.erase(badTable, keys, { [f.idField]: 'delete-row' }));
    expect(error.path).toBe('collection.name');
    const badField = { ...f.people, fields: [...f.people.fields, { name: 'x" OR 1=1 --' }] };
    error = await rejection(c.locate(badField, { field: 'x" OR 1=1 --', values: ['x'] }));
    expect([error.code, error.path]).toEqual([
      'identifier-invalid',
      `collection.fields[${f.people.fields.length}].name`,
    ]);
    error = await rejection(c.locate(f.people, { field: 'undeclared', values: ['x'] }));
    expect([error.code, error.path]).toEqual(['field-unknown', 'where.field']);
    error = await rejection(c.erase(f.people, keys, { undeclared: 'null' }));
    expect([error.code, error.path]).toEqual(['field-unknown', 'plan.undeclared']);
    error = await rejection(c.read(f.people, keys, ['undeclared']));
    expect(error.path).toBe('fields.undeclared');
    expect(await c.locate(f.people, { field: f.identityField, values: ["' OR '1'='1"] })).toEqual([]);
    expect(await f.snapshot()).toEqual(before);
  });

  it('never puts row values into errors or statement events', async () => {
    const alice = await locatePeople(f.subjects.alice);
    const bobKeys = await locatePeople(f.subjects.bob);
    const bobBefore = await c.read(f.people, bobKeys);
    const events: StatementEvent[] = [];
    const stop = c.onStatement((e) => events.push(e));
    const probes: Array<() => Promise<unknown>> = records()
      ? [
          () => c.rectify(f.people, alice, { email: USERS[1].email }),
          () => c.locate(f.people, { field: 'age', values: [CANARY] }),
          () => c.read(f.people, [CANARY]),
          () => c.rectify(f.people, alice, { age: CANARY }),
          () => c.locate(f.people, { field: 'undeclared', values: [CANARY] }),
        ]
      : [
          () => c.locate(f.people, { field: f.identityField, values: [`../${CANARY}`] }),
          () => c.read(f.related, [`screenshots/${CANARY}/../../../etc/passwd`]),
          () => c.erase(f.related, [`/${CANARY}`], { image: 'delete-row' }),
          () => c.locate(f.people, { field: 'undeclared', values: [CANARY] }),
        ];
    const errors: unknown[] = [];
    for (const probe of probes) await probe().catch((e: unknown) => errors.push(e));
    stop();
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) {
      expect(error).toBeInstanceOf(ConnectorError);
      const e = error as ConnectorError & { cause?: unknown };
      const text = [e.message, e.stack, JSON.stringify(e), String(e.cause ?? '')].join('\n');
      expect(text).not.toContain(CANARY);
    }
    expect(JSON.stringify(events)).not.toContain(CANARY);
    // The canary's own row is never changed by the probes.
    expect(await c.read(f.people, bobKeys)).toEqual(bobBefore);
  });

  it('can be closed and connected again', async () => {
    await c.close();
    await c.connect();
    expect(await locatePeople(f.subjects.bob)).toHaveLength(1);
  });

  it('rejects bad batch sizes and non-array values with value errors', async () => {
    const keys = await locatePeople(f.subjects.alice);
    const error = await rejection(c.erase(f.people, keys, { [f.idField]: 'delete-row' }, { batchSize: 0 }));
    expect([error.code, error.path]).toEqual(['value-invalid', 'options.batchSize']);
    const values = 'alice' as unknown as string[];
    expect((await rejection(c.locate(f.people, { field: f.identityField, values }))).path).toBe(
      'where.values',
    );
    const rows: Row[] = await c.read(f.people, keys);
    expect(rows).toHaveLength(1);
  });
  return () => f;
}
