import { beforeEach, expect, it } from 'vitest';
import {
  anonymiseValue,
  type Connector,
  type ErasurePlan,
  hashText,
  maskText,
  type StatementEvent,
} from '../src/index.js';
import {
  type ConformanceFixture,
  fixtureQueries,
  hmac,
  norm,
  rejection,
  SECRET,
} from './conformance-fixture.js';
import { USERS } from './seed.js';

/**
 * The shared tests of erasure (each strategy, keep, idempotence, statements per batch),
 * rectification and retention counting; {@link runConformance} runs them in its `describe`.
 */
export function runErasureConformance(fixture: () => ConformanceFixture): void {
  let f: ConformanceFixture;
  let c: Connector;
  beforeEach(() => {
    f = fixture();
    c = f.connector;
  });
  const { locatePeople, locateRelated, records, others } = fixtureQueries(() => f);

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
}
