import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import {
  anonymiseValue,
  type CollectionRef,
  type Connector,
  ConnectorError,
  type ErasurePlan,
  hashText,
  type Key,
  maskText,
  type Row,
  type StatementEvent,
} from '../src/index';
import { CANARY, USERS } from './seed';

/** A subject of the fixture: the value it is found by, and its id that related rows reference. */
export interface SubjectRef {
  identity: string | number;
  id: string | number;
}

/**
 * A connector with its own isolated fixture. `records` stores seed `USERS` and `ORDERS`
 * (people = users, related = orders); `blobs` stores one profile file and two screenshots
 * per subject. Each subject has exactly one people row and two related rows, one of them
 * before 2023-01-01 by `anchorField`.
 */
export interface ConformanceFixture {
  connector: Connector;
  model: 'records' | 'blobs';
  people: CollectionRef;
  related: CollectionRef;
  identityField: string;
  idField: string;
  referenceField: string;
  anchorField: string;
  subjects: { alice: SubjectRef; bob: SubjectRef; carol: SubjectRef };
  /** Empties and reseeds the fixture through the store's own client. */
  reset(): Promise<void>;
  /** Adds a subject with `n` related rows; returns its id. */
  seedBulk(n: number): Promise<string | number>;
  /** Every row of the fixture read through the store's own client: `collection|key` → content. */
  snapshot(): Promise<Map<string, string>>;
  /** Erase statements for n related rows at batch size b with delete-row. */
  expectedEraseStatements(n: number, b: number): number;
  /** Erase statements for n related rows at batch size b with mask/anonymise (records only). */
  expectedTransformStatements(n: number, b: number): number;
  /** Drops the schema, database, keys or folder. */
  drop(): Promise<void>;
}

/** A connector under test. */
export interface ConformanceTarget {
  name: string;
  open(): Promise<ConformanceFixture>;
}

const SECRET = 'conformance-secret';

/** Text form of a stored value, so stores that type values and stores that do not compare alike. */
export function norm(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

function hmac(value: string, secret = SECRET): string {
  return `hmac:${createHmac('sha256', secret).update(value, 'utf8').digest('hex')}`;
}

async function rejection(promise: Promise<unknown>): Promise<ConnectorError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConnectorError);
  return error as ConnectorError;
}

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

  const locatePeople = (s: SubjectRef) =>
    c.locate(f.people, { field: f.identityField, values: [s.identity] });
  const locateRelated = (s: SubjectRef) => c.locate(f.related, { field: f.referenceField, values: [s.id] });
  const records = () => f.model === 'records';

  /** Snapshot without the given keys; compares everything else exactly. */
  const others = async (excluded: Array<[CollectionRef, readonly Key[]]>) => {
    const skip = new Set(excluded.flatMap(([col, keys]) => keys.map((k) => `${col.name}|${String(k)}`)));
    const snap = await f.snapshot();
    return [...snap].filter(([k]) => !skip.has(k));
  };

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

  it("delete-row removes the subject's rows and leaves every other row as it was", async () => {
    const keys = await locateRelated(f.subjects.alice);
    const before = await others([[f.related, keys]]);
    const result = await c.erase(f.related, keys, { [f.referenceField]: 'delete-row' });
    expect(result.affected).toBe(2);
    expect(await c.read(f.related, keys)).toEqual([]);
    expect(await locateRelated(f.subjects.alice)).toEqual([]);
    expect(await others([[f.related, keys]])).toEqual(before);
  });

  it('nulls, masks, hashes and anonymises fields, and keeps a kept field', async () => {
    const keys = await locatePeople(f.subjects.alice);
    if (!records()) {
      for (const strategy of ['mask', 'hash', 'anonymise'] as const) {
        const error = await rejection(c.erase(f.people, keys, { document: strategy }, { secret: SECRET }));
        expect(error.path).toBe('plan.document');
      }
      expect(await c.erase(f.people, keys, { document: 'keep' })).toEqual({ affected: 0, statements: 0 });
      const before = await others([[f.people, keys]]);
      expect((await c.erase(f.people, keys, { document: 'null' })).affected).toBe(1);
      expect(await c.read(f.people, keys)).toEqual([]);
      expect(await others([[f.people, keys]])).toEqual(before);
      return;
    }
    const before = await others([[f.people, keys]]);
    const plan = {
      email: 'mask',
      name: 'null',
      phone: 'hash',
      age: 'anonymise',
      birth_date: 'anonymise',
      plan: 'keep',
    } as const;
    const result = await c.erase(f.people, keys, plan, { secret: SECRET });
    expect(result.affected).toBe(1);
    const [row] = await c.read(f.people, keys);
    const seed = USERS[0];
    expect(norm(row?.email)).toBe('a***@example.com');
    expect(norm(row?.name)).toBeNull();
    expect(norm(row?.phone)).toBe(hmac(seed.phone));
    expect(norm(row?.age)).toBe('30');
    expect(norm(row?.birth_date)).toBe('1988-01-01');
    expect(norm(row?.plan)).toBe(seed.plan);
    expect(norm(row?.created_at)).toBe(seed.created_at);
    expect(await others([[f.people, keys]])).toEqual(before);
  });

  it('hashes deterministically under the secret, and differently under another', async () => {
    if (!records()) return expect(f.model).toBe('blobs');
    const alice = await locatePeople(f.subjects.alice);
    const carol = await locatePeople(f.subjects.carol);
    await c.erase(f.people, alice, { phone: 'hash' }, { secret: SECRET });
    await c.erase(f.people, carol, { phone: 'hash' }, { secret: 'another-secret' });
    const [a] = await c.read(f.people, alice, ['phone']);
    const [b] = await c.read(f.people, carol, ['phone']);
    // Alice and Carol share a phone number: same input, different secrets.
    expect(norm(a?.phone)).toBe(hmac(USERS[0].phone));
    expect(norm(b?.phone)).toBe(hmac(USERS[2].phone, 'another-secret'));
    expect(norm(a?.phone)).not.toBe(norm(b?.phone));
    const error = await rejection(c.erase(f.people, alice, { phone: 'hash' }));
    expect([error.code, error.path]).toEqual(['secret-missing', 'options.secret']);
  });

  it('rewrites edge values exactly as the shared reference does', async () => {
    if (!records()) return expect(f.model).toBe('blobs');
    const keys = await locatePeople(f.subjects.alice);
    const cases: Array<[string, 'mask' | 'hash' | 'anonymise', string | number]> = [
      ...['', 'x', '@', '@domain.example', 'a@b@c.example', 'ü@bücher.example', '😀smile@example.com'].map(
        (v) => ['email', 'mask', v] as [string, 'mask', string],
      ),
      ['email', 'mask', 'no-at-sign'],
      ['email', 'mask', 'a@'],
      ['email', 'mask', 'line\nbreak@example.com'],
      ...['', 'x', 'ü', '😀', ' padded ', `hmac:${'a'.repeat(64)}`, `hmac:${'A'.repeat(64)}`].map(
        (v) => ['phone', 'hash', v] as [string, 'hash', string],
      ),
      ...[-37, -1, 0, 5, 37, 1234].map((v) => ['age', 'anonymise', v] as [string, 'anonymise', number]),
      ...['1988-05-17', '2000-01-01', '1999-12-31'].map(
        (v) => ['birth_date', 'anonymise', v] as [string, 'anonymise', string],
      ),
    ];
    for (const [field, strategy, value] of cases) {
      await c.rectify(f.people, keys, { [field]: value });
      await c.erase(f.people, keys, { [field]: strategy }, { secret: SECRET });
      const [row] = await c.read(f.people, keys, [field]);
      const expected =
        strategy === 'mask'
          ? maskText(String(value))
          : strategy === 'hash'
            ? hashText(String(value), SECRET)
            : anonymiseValue(value, field === 'age' ? 'integer' : 'date');
      expect(norm(row?.[field]), `${strategy} ${JSON.stringify(value)}`).toBe(norm(expected));
    }
    await c.erase(f.people, keys, { created_at: 'anonymise' });
    const [row] = await c.read(f.people, keys, ['created_at']);
    expect(norm(row?.created_at)).toBe('2021-01-01T00:00:00.000Z');
  });

  it('keep changes nothing, and may not be combined with delete-row', async () => {
    const keys = await locatePeople(f.subjects.alice);
    const before = await f.snapshot();
    const other = f.people.fields.find((x) => x.name !== f.idField)?.name ?? '';
    expect(await c.erase(f.people, keys, { [other]: 'keep' })).toEqual({ affected: 0, statements: 0 });
    const error = await rejection(c.erase(f.people, keys, { [f.idField]: 'delete-row', [other]: 'keep' }));
    expect(error.code).toBe('strategy-conflict');
    expect(await f.snapshot()).toEqual(before);
  });

  it('rectifies the given fields of the given rows only', async () => {
    const keys = await locatePeople(f.subjects.alice);
    if (!records()) {
      const error = await rejection(c.rectify(f.people, keys, { document: 'x' }));
      return expect(error.code).toBe('operation-unsupported');
    }
    const before = await others([[f.people, keys]]);
    const result = await c.rectify(f.people, keys, { name: 'Alice P. Liddell', phone: null });
    expect(result).toEqual({ affected: 1, statements: 1 });
    const [row] = await c.read(f.people, keys);
    expect([norm(row?.name), norm(row?.phone), norm(row?.email)]).toEqual([
      'Alice P. Liddell',
      null,
      USERS[0].email,
    ]);
    expect(await others([[f.people, keys]])).toEqual(before);
  });

  it('counts rows whose anchor is before a date', async () => {
    expect(await c.countRetention(f.related, f.anchorField, new Date('2023-01-01T00:00:00Z'))).toBe(3);
    expect(await c.countRetention(f.related, f.anchorField, new Date('2000-01-01T00:00:00Z'))).toBe(0);
    expect(await c.countRetention(f.related, f.anchorField, new Date('2030-01-01T00:00:00Z'))).toBe(6);
  });

  it('changes nothing when the same erasure runs twice', async () => {
    const people = await locatePeople(f.subjects.alice);
    const related = await locateRelated(f.subjects.alice);
    const plan: ErasurePlan = records()
      ? ({ email: 'mask', name: 'null', phone: 'hash', age: 'anonymise', birth_date: 'anonymise' } as const)
      : ({ document: 'null' } as const);
    await c.erase(f.people, people, plan, { secret: SECRET });
    await c.erase(f.related, related, { [f.referenceField]: 'delete-row' });
    const once = await f.snapshot();
    await c.erase(f.people, people, plan, { secret: SECRET });
    const again = await c.erase(f.related, related, { [f.referenceField]: 'delete-row' });
    expect(again.affected).toBe(0);
    expect(await f.snapshot()).toEqual(once);
  });

  it('erases N rows in ceil(N / batch size) statements, whatever the strategy', async () => {
    const id = await f.seedBulk(25);
    const keys = await c.locate(f.related, { field: f.referenceField, values: [id] });
    expect(keys).toHaveLength(25);
    const events: StatementEvent[] = [];
    const stop = c.onStatement((e) => {
      if (e.operation === 'erase') events.push(e);
    });
    try {
      if (records()) {
        const counted = c.statementCount;
        const masked = await c.erase(
          f.related,
          keys,
          { address: 'mask', amount: 'anonymise' },
          { batchSize: 10 },
        );
        expect(masked.affected).toBe(25);
        expect(masked.statements).toBe(f.expectedTransformStatements(25, 10));
        expect(events).toHaveLength(masked.statements);
        expect(c.statementCount - counted).toBeGreaterThanOrEqual(masked.statements);
        events.length = 0;
      }
      const removed = await c.erase(f.related, keys, { [f.referenceField]: 'delete-row' }, { batchSize: 10 });
      expect(removed.affected).toBe(25);
      expect(removed.statements).toBe(f.expectedEraseStatements(25, 10));
      expect(events).toHaveLength(removed.statements);
    } finally {
      stop();
    }
  });

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
