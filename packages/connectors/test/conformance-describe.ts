import { expect, it } from 'vitest';
import type {
  CollectionRef,
  Connector,
  DescribedCall,
  StatementDescription,
  StatementEvent,
} from '../src/index.js';
import { type ConformanceFixture, fixtureQueries, rejection, SECRET } from './conformance-fixture.js';

/** A call, described and then run. */
interface Case {
  name: string;
  collection: CollectionRef;
  call: DescribedCall;
  /** Keys (or values) in the one batch the call sends. */
  keys: number;
  run: () => Promise<unknown>;
}

const eventOf = ({ per: _per, exact: _exact, ...event }: StatementDescription): StatementEvent => event;

/** Distinct events, first occurrence order: how statements repeated per page, key or folder compare. */
function distinct(events: readonly StatementEvent[]): StatementEvent[] {
  const seen = new Set<string>();
  return events.filter((e) => {
    const id = JSON.stringify(e);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

async function logged(c: Connector, run: () => Promise<unknown>): Promise<StatementEvent[]> {
  const events: StatementEvent[] = [];
  const stop = c.onStatement((e) => events.push(e));
  try {
    await run();
  } finally {
    stop();
  }
  return events;
}

/**
 * Checks one call: what `describe` returns equals what the statement log records when the
 * call runs. Statements sent once per batch (or per call, or once per table) must match one
 * for one; those repeated per page, key or folder match as distinct statements in order. A
 * text with a stand-in (a column type not read yet) must match once the connector has read
 * it: the call is described and run again.
 */
async function check(c: Connector, t: Case): Promise<void> {
  const described = c.describe(t.collection, t.call, { keys: t.keys });
  const events = await logged(c, t.run);
  const once = described.every((s) => ['once', 'batch', 'call'].includes(s.per));
  const exact = described.every((s) => s.exact);
  if (exact) {
    expect(once ? events : distinct(events), t.name).toEqual(described.map(eventOf));
    return;
  }
  expect(events, t.name).toHaveLength(described.length);
  described.forEach((s, i) => {
    if (s.exact) expect(events[i], `${t.name} #${i}`).toEqual(eventOf(s));
  });
  const warm = c.describe(t.collection, t.call, { keys: t.keys });
  expect(
    warm.every((s) => s.exact),
    t.name,
  ).toBe(true);
  expect(await logged(c, t.run), t.name).toEqual(warm.map(eventOf));
}

/**
 * The shared test of `describe`: for each kind of call, the statements a connector describes
 * are the statements it sends. {@link runConformance} runs it in its `describe`.
 */
export function runDescribeConformance(fixture: () => ConformanceFixture): void {
  const { locatePeople, locateRelated, records } = fixtureQueries(fixture);

  it('describes exactly the statements each call sends', async () => {
    const f = fixture();
    const c = f.connector;
    const { alice, bob } = f.subjects;
    const people = await locatePeople(alice);
    const related = await locateRelated(alice);
    const bobs = await locateRelated(bob);
    const cases: Case[] = [
      {
        name: 'locate by identity',
        collection: f.people,
        call: { operation: 'locate', field: f.identityField },
        keys: 2,
        run: () => c.locate(f.people, { field: f.identityField, values: [alice.identity, bob.identity] }),
      },
      {
        name: 'locate by reference',
        collection: f.related,
        call: { operation: 'locate', field: f.referenceField },
        keys: 1,
        run: () => c.locate(f.related, { field: f.referenceField, values: [alice.id] }),
      },
      {
        name: 'read',
        collection: f.related,
        call: { operation: 'read' },
        keys: related.length,
        run: () => c.read(f.related, related),
      },
      {
        name: 'read some fields',
        collection: f.people,
        call: { operation: 'read', fields: [f.identityField] },
        keys: people.length,
        run: () => c.read(f.people, people, [f.identityField]),
      },
      {
        name: 'count',
        collection: f.related,
        call: { operation: 'count', anchorField: f.anchorField },
        keys: 1,
        run: () => c.countRetention(f.related, f.anchorField, new Date('2023-01-01T00:00:00Z')),
      },
    ];
    if (records()) {
      const plan = {
        email: 'mask',
        name: 'null',
        phone: 'hash',
        age: 'anonymise',
        birth_date: 'anonymise',
      } as const;
      cases.push(
        {
          name: 'rectify',
          collection: f.people,
          call: { operation: 'rectify', fields: ['name', 'plan'] },
          keys: people.length,
          run: () => c.rectify(f.people, people, { name: 'Alice B.', plan: 'pro' }),
        },
        {
          name: 'erase fields',
          collection: f.people,
          call: { operation: 'erase', plan },
          keys: people.length,
          run: () => c.erase(f.people, people, plan, { secret: SECRET }),
        },
      );
    } else {
      cases.push({
        name: 'erase a file by null',
        collection: f.people,
        call: { operation: 'erase', plan: { document: 'null' } },
        keys: people.length,
        run: () => c.erase(f.people, people, { document: 'null' }),
      });
    }
    cases.push(
      {
        name: 'erase rows',
        collection: f.related,
        call: { operation: 'erase', plan: { [f.referenceField]: 'delete-row' } },
        keys: bobs.length,
        run: () => c.erase(f.related, bobs, { [f.referenceField]: 'delete-row' }),
      },
      {
        name: 'erase nothing',
        collection: f.related,
        call: { operation: 'erase', plan: { [f.referenceField]: 'keep' } },
        keys: related.length,
        run: () => c.erase(f.related, related, { [f.referenceField]: 'keep' }),
      },
    );
    const lookup = c.lookup?.bind(c);
    if (lookup) {
      cases.push(
        {
          name: 'lookup by two fields, every field read',
          collection: f.people,
          call: { operation: 'lookup', wheres: [{ field: f.identityField }, { field: f.idField }] },
          keys: 1,
          run: () =>
            lookup(f.people, [
              { field: f.identityField, values: [alice.identity] },
              { field: f.idField, values: [bob.id] },
            ]),
        },
        {
          name: 'lookup with some fields',
          collection: f.related,
          call: { operation: 'lookup', wheres: [{ field: f.referenceField }], fields: [f.anchorField] },
          keys: 1,
          run: () => lookup(f.related, [{ field: f.referenceField, values: [alice.id] }], [f.anchorField]),
        },
      );
    }
    for (const t of cases) await check(c, t);
  });

  it('looks up what its locates find and reads what read reads (SQL)', async () => {
    const f = fixture();
    const c = f.connector;
    if (!c.lookup) return;
    const { alice, bob, carol } = f.subjects;
    const wheres = [
      { field: f.identityField, values: [alice.identity, `${bob.identity} `] },
      { field: f.idField, values: [carol.id, bob.id] },
    ];
    const keys = [...new Set((await Promise.all(wheres.map((w) => c.locate(f.people, w)))).flat())];
    const found = await c.lookup(f.people, wheres);
    // A locate's keys come in no set order: compared as sets; the rows as read gives them.
    expect([...found.keys].sort()).toEqual([...keys].sort());
    expect(found.rows).toEqual(await c.read(f.people, keys));
    const some = await c.lookup(
      f.related,
      [{ field: f.referenceField, values: [alice.id] }],
      [f.anchorField],
    );
    const related = await locateRelated(alice);
    expect([...some.keys].sort()).toEqual([...related].sort());
    expect(some.rows).toEqual(await c.read(f.related, some.keys, [f.referenceField, f.anchorField]));
    expect(await c.lookup(f.people, [{ field: f.identityField, values: [] }])).toEqual({
      keys: [],
      rows: [],
    });
  });

  it('refuses to describe what it refuses to run, with the same code and path', async () => {
    const f = fixture();
    const c = f.connector;
    const keys = await locatePeople(f.subjects.alice);
    const refusals: Array<[DescribedCall, () => Promise<unknown>]> = [
      [
        { operation: 'locate', field: 'undeclared' },
        () => c.locate(f.people, { field: 'undeclared', values: ['x'] }),
      ],
      [{ operation: 'read', fields: ['undeclared'] }, () => c.read(f.people, keys, ['undeclared'])],
      [
        { operation: 'erase', plan: { undeclared: 'null' } },
        () => c.erase(f.people, keys, { undeclared: 'null' }),
      ],
      [
        { operation: 'erase', plan: { [f.idField]: 'mask' } },
        () => c.erase(f.people, keys, { [f.idField]: 'mask' }, { secret: SECRET }),
      ],
      records()
        ? [
            { operation: 'rectify', fields: ['undeclared'] },
            () => c.rectify(f.people, keys, { undeclared: 1 }),
          ]
        : [
            { operation: 'rectify', fields: ['document'] },
            () => c.rectify(f.people, keys, { document: null }),
          ],
    ];
    for (const [call, run] of refusals) {
      let thrown: unknown = null;
      try {
        c.describe(f.people, call);
      } catch (error) {
        thrown = error;
      }
      const described = await rejection(Promise.reject(thrown));
      const ran = await rejection(run());
      expect([described.code, described.path], call.operation).toEqual([ran.code, ran.path]);
    }
  });
}
