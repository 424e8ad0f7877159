import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serversUp } from '../example-stores.js';
import { dumpChanges, expectOnlySubjectChanged, openWorld, type World } from './world.js';

// The dump is what every adversarial test trusts to see a wrong write: it must tell apart
// what MariaDB's default collation calls equal, and see every store, declared or not.
const up = await serversUp();

describe.skipIf(!up)('adversarial world dump', () => {
  let world: World;
  beforeAll(async () => {
    world = await openWorld('harness');
    await world.pg('CREATE TABLE accounts (id int PRIMARY KEY, email text)');
    await world.pg("INSERT INTO accounts VALUES (1, 'a@example.com'), (2, 'b@example.com')");
    await world.mysql('CREATE TABLE users (id int, name varchar(40))');
    await world.mysql("INSERT INTO users VALUES (7, 'bob'), (8, 'Bob'), (9, 'bob ')");
    await world.redis.set(`${world.redisPrefix}session:1`, 'x');
    await world.file('shots/1/a.png', 'png');
  });
  afterAll(async () => {
    await world?.drop();
  });

  it('reads every store, telling apart values a collation calls equal', async () => {
    const dump = await world.dump();
    expect(dump.filter((i) => i.place === 'pg:accounts')).toHaveLength(2);
    const users = dump.filter((i) => i.place === 'mysql:users');
    expect(new Set(users.map((u) => u.text)).size).toBe(3);
    expect(users.map((u) => u.values.name).sort()).toEqual(['Bob', 'bob', 'bob ']);
    expect(users.map((u) => u.values.id).sort()).toEqual(['7', '8', '9']);
    expect(dump.some((i) => i.place === 'redis' && i.values.key === 'session:1')).toBe(true);
    expect(dump.some((i) => i.place === 'files' && i.values.path === 'shots/1/a.png')).toBe(true);
  });

  it('finds a change to another subject, and accepts a change to the subject only', async () => {
    const before = await world.dump();
    await world.mysql("UPDATE users SET name = 'BOB' WHERE name = BINARY 'bob '");
    const after = await world.dump();
    expect(dumpChanges(before, after).gone).toHaveLength(1);
    expect(() => expectOnlySubjectChanged(before, after, (i) => i.values.name === 'bob')).toThrow(
      /another subject's data changed/,
    );
    expect(expectOnlySubjectChanged(before, after, (i) => i.values.name === 'bob ')).toHaveLength(1);
    await world.mysql("UPDATE users SET name = 'bob ' WHERE name = BINARY 'BOB'");
  });
});
