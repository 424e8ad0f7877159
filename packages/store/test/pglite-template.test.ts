import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openStore, PGLITE_TEMPLATE_ENV, writePgliteTemplate } from '../src/index.js';

const dir = await mkdtemp(join(tmpdir(), 'pledge-template-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('embedded store from an initdb template', () => {
  it('opens a working, empty database from the template, in memory and in a folder, and reopens a folder as it is', async () => {
    const template = join(dir, 'template.tar');
    await writePgliteTemplate(template);
    const before = process.env[PGLITE_TEMPLATE_ENV];
    process.env[PGLITE_TEMPLATE_ENV] = template;
    try {
      const memory = await openStore();
      await migrateToLatest(memory.db);
      const events = await sql<{ n: number }>`select count(*)::int as n from pledge_ledger_events`.execute(
        memory.db,
      );
      expect(events.rows[0]?.n).toBe(0);
      await memory.close();

      const dataDir = join(dir, 'data');
      const first = await openStore({ dataDir });
      await sql`create table kept (v text)`.execute(first.db);
      await sql`insert into kept values ('still here')`.execute(first.db);
      await first.close();
      // The folder now holds a database: it must be opened, never replaced by the template.
      const again = await openStore({ dataDir });
      const kept = await sql<{ v: string }>`select v from kept`.execute(again.db);
      expect(kept.rows).toEqual([{ v: 'still here' }]);
      await again.close();
    } finally {
      if (before === undefined) delete process.env[PGLITE_TEMPLATE_ENV];
      else process.env[PGLITE_TEMPLATE_ENV] = before;
    }
  });
});
