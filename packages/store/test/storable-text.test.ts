import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendEvents, type Store, UnstorableTextError, verifyLedger } from '../src/index.js';
import { backendKinds, freshStore } from './backends.js';
import { tamperEvent } from './tamper-helpers.js';

const KEY = 'storable-subject-key-0123456789';

/** What the database gives back for a text parameter. */
async function roundTrip(store: Store, text: string): Promise<string> {
  const { rows } = await sql<{ t: string }>`SELECT ${text}::text AS t`.execute(store.db);
  return rows[0]?.t as string;
}

describe.each(backendKinds)('text the ledger cannot store exactly, on %s', (kind) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ store, cleanup } = await freshStore(kind));
    await appendEvents(store.db, KEY, [tamperEvent(0)]);
  });
  afterEach(async () => cleanup());

  it('one lone surrogate would blind verify for ever: it is refused, nothing is written, verify stays clean', async () => {
    // Why: the driver sends UTF-8, where a lone surrogate becomes U+FFFD, so the stored text
    // would differ from the hashed one and that event would read as edited for ever.
    expect(await roundTrip(store, 'we\uD800b')).not.toBe('we\uD800b');
    const refusals = await Promise.all(
      [
        { ...tamperEvent(1), source: 'we\uD800b' },
        { ...tamperEvent(1), purposes: ['marketing-emails', 'x\uDC00'] },
        { ...tamperEvent(1), subject: 'person\uD83D' },
      ].map((event) => appendEvents(store.db, KEY, [tamperEvent(2), event]).catch((e: unknown) => e)),
    );
    expect(refusals.map((e) => e instanceof UnstorableTextError && e.path)).toEqual([
      'records[1].source',
      'records[1].purposes[1]',
      'events[1].subject',
    ]);
    expect(refusals.every((e) => e instanceof UnstorableTextError && e.fault === 'lone-surrogate')).toBe(
      true,
    );
    expect(await verifyLedger(store.db)).toMatchObject({ ok: true, events: 1 });
    // The ledger is not blinded: later events chain and verify.
    await appendEvents(store.db, KEY, [tamperEvent(3)]);
    expect(await verifyLedger(store.db)).toMatchObject({ ok: true, events: 2 });
  });

  it('a byte-order mark (which the embedded database drops from the start of a text) and NUL are refused', async () => {
    if (kind === 'pglite') expect(await roundTrip(store, '\uFEFFweb')).toBe('web');
    for (const [text, fault] of [
      ['\uFEFFweb', 'byte-order-mark'],
      ['we\u0000b', 'nul'],
    ] as const) {
      const error = await appendEvents(store.db, KEY, [{ ...tamperEvent(1), method: text }]).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(UnstorableTextError);
      expect(error).toMatchObject({ path: 'records[0].method', fault, code: 'chain.unstorable-text' });
      expect((error as Error).message).not.toContain(text);
    }
    expect(await verifyLedger(store.db)).toMatchObject({ ok: true, events: 1 });
  });
});
