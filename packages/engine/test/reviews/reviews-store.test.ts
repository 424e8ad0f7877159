import type { Manifest } from '@pledge/core';
import { type AuditEntryInput, appendAuditEntries, getAccessReview, type Store } from '@pledge/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { shopManifest } from '../../../decide/test/fixture.js';
import { backendKinds, freshStore } from '../../../store/test/backends.js';
import { openAccessReview, reviewStatus, signOffReview } from '../../src/index.js';

const SUBJECT_A = 'pseudonym-aaaaaaaaaaaa';
const SUBJECT_B = 'pseudonym-bbbbbbbbbbbb';
const ann = { kind: 'user', id: 'u-ann' } as const;
const bob = { kind: 'user', id: 'u-bob' } as const;
const officer = { kind: 'user', id: 'u-officer' } as const;

/** A manifest reviewing every 90 days, in UTC (eu-gdpr has no zone of its own). */
function manifestEvery90(): Manifest {
  const manifest = shopManifest();
  return {
    ...manifest,
    policy: { ...manifest.policy, jurisdictions: ['eu-gdpr'] },
    security: {
      ...(manifest.security ?? {}),
      accessReviewEvery: { amount: 90, unit: 'days' },
    } as Manifest['security'],
  };
}

describe.each(backendKinds)('access reviews on %s', (kind) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  const manifest = manifestEvery90();

  /** Appends entries as recorded at the given instant (a controlled clock, no waiting). */
  async function record(at: string, entries: AuditEntryInput[]): Promise<void> {
    const appended = await appendAuditEntries(store.db, entries, { now: () => new Date(at) });
    expect(appended.ok).toBe(true);
  }

  beforeEach(async () => {
    ({ store, cleanup } = await freshStore(kind));
  });
  afterEach(async () => {
    await cleanup();
  });

  it('P0-31: every access is logged and reviewed by someone else, and the engine flags any review older than the configured interval', async () => {
    // Nothing recorded: nothing to review.
    expect(await reviewStatus(store, manifest, new Date('2026-06-01T00:00:00Z'))).toMatchObject({
      due: false,
      overdue: false,
    });
    await record('2026-01-05T10:00:00Z', [
      {
        action: 'subject-lookup',
        actor: ann,
        subject: SUBJECT_A,
        reason: 'ticket about billing',
        requestId: 'req-1',
      },
    ]);
    // 90 days after the first entry (5 January), to the end of that day: 5 April.
    expect(await reviewStatus(store, manifest, new Date('2026-04-05T12:00:00Z'))).toMatchObject({
      due: true,
      overdue: false,
      nextDueAt: new Date('2026-04-05T23:59:59.999Z'),
    });
    expect(await reviewStatus(store, manifest, new Date('2026-04-06T00:00:00Z'))).toMatchObject({
      overdue: true,
    });

    const opened = await openAccessReview(store, manifest, {
      period: { from: new Date('2026-01-01T00:00:00Z'), to: new Date('2026-04-01T00:00:00Z') },
      createdBy: officer.id,
      now: new Date('2026-04-06T09:00:00Z'),
    });
    if (!opened.ok) throw new Error(opened.refusal.code);
    expect(opened.review.summary).toMatchObject({ entries: 1, accesses: 1, actors: 1 });
    const signed = await signOffReview(store, {
      id: opened.review.id,
      reviewer: officer,
      note: 'one lookup, for a ticket',
      now: new Date('2026-04-06T10:00:00Z'),
    });
    expect(signed).toMatchObject({
      ok: true,
      review: { status: 'signed-off', signedOffBy: 'user:u-officer' },
    });

    // The next review is due 90 days after the reviewed period ended (1 April): 30 June.
    const after = await reviewStatus(store, manifest, new Date('2026-06-30T12:00:00Z'));
    expect(after).toMatchObject({
      due: true,
      overdue: false,
      lastSignedAt: new Date('2026-04-06T10:00:00Z'),
      nextDueAt: new Date('2026-06-30T23:59:59.999Z'),
    });
    expect(await reviewStatus(store, manifest, new Date('2026-07-01T00:00:00Z'))).toMatchObject({
      overdue: true,
    });
    // Without an interval in the manifest nothing is ever flagged.
    const { security: _security, ...noInterval } = manifest;
    expect(await reviewStatus(store, noInterval as Manifest, new Date('2030-01-01T00:00:00Z'))).toMatchObject(
      {
        overdue: false,
      },
    );
  });

  it('refuses a sign-off by an actor the review covers, also one recorded after it was opened', async () => {
    await record('2026-02-02T10:00:00Z', [{ action: 'ledger-read', actor: ann, subject: SUBJECT_A }]);
    const period = { from: new Date('2026-02-01T00:00:00Z'), to: new Date('2026-03-01T00:00:00Z') };
    const opened = await openAccessReview(store, manifest, {
      period,
      createdBy: 'cli',
      now: new Date('2026-03-02T00:00:00Z'),
    });
    if (!opened.ok) throw new Error(opened.refusal.code);
    expect(opened.review.reviewedActors).toEqual(['user:u-ann']);
    const now = new Date('2026-03-02T01:00:00Z');
    expect(await signOffReview(store, { id: opened.review.id, reviewer: ann, now })).toMatchObject({
      ok: false,
      refusal: { code: 'review.reviewer-reviewed', path: 'by' },
    });
    // Bob's access in the period is recorded late (after the review was opened).
    await record('2026-02-20T11:00:00Z', [{ action: 'export', actor: bob, subject: SUBJECT_B }]);
    expect(await signOffReview(store, { id: opened.review.id, reviewer: bob, now })).toMatchObject({
      ok: false,
      refusal: { code: 'review.reviewer-reviewed' },
    });
    expect((await getAccessReview(store.db, opened.review.id))?.status).toBe('open');
    expect(await signOffReview(store, { id: opened.review.id, reviewer: officer, now })).toMatchObject({
      ok: true,
    });
    expect(await signOffReview(store, { id: opened.review.id, reviewer: officer, now })).toMatchObject({
      ok: false,
      refusal: { code: 'review.already-signed' },
    });
    expect(await signOffReview(store, { id: 'rev_missing', reviewer: officer, now })).toMatchObject({
      ok: false,
      refusal: { code: 'review.not-found' },
    });
  });

  it('refuses a second signed review of an overlapping period, and unfinished or empty periods', async () => {
    const now = new Date('2026-05-01T00:00:00Z');
    const open = async (from: string, to: string) => {
      const opened = await openAccessReview(store, manifest, {
        period: { from: new Date(from), to: new Date(to) },
        createdBy: 'cli',
        now,
      });
      if (!opened.ok) throw new Error(opened.refusal.code);
      return opened.review.id;
    };
    const first = await open('2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z');
    const overlapping = await open('2026-01-15T00:00:00Z', '2026-03-01T00:00:00Z');
    const adjacent = await open('2026-02-01T00:00:00Z', '2026-03-01T00:00:00Z');
    expect(await signOffReview(store, { id: first, reviewer: officer, now })).toMatchObject({ ok: true });
    expect(await signOffReview(store, { id: overlapping, reviewer: officer, now })).toMatchObject({
      ok: false,
      refusal: { code: 'review.overlaps-signed' },
    });
    expect(await signOffReview(store, { id: adjacent, reviewer: officer, now })).toMatchObject({ ok: true });
    const refused = (from: string, to: string) =>
      openAccessReview(store, manifest, {
        period: { from: new Date(from), to: new Date(to) },
        createdBy: 'cli',
        now,
      });
    expect(await refused('2026-04-01T00:00:00Z', '2026-06-01T00:00:00Z')).toMatchObject({
      ok: false,
      refusal: { code: 'review.period-open', path: 'to' },
    });
    expect(await refused('2026-04-01T00:00:00Z', '2026-04-01T00:00:00Z')).toMatchObject({
      ok: false,
      refusal: { code: 'review.period-invalid', path: 'from' },
    });
  });

  it('finds unusual patterns in a constructed audit log and stores them without personal values', async () => {
    // Monday 2 March 2026, in working hours, four staff with similar volumes.
    for (const id of ['u-a1', 'u-a2', 'u-a3', 'u-a4']) {
      await record('2026-03-02T10:00:00Z', [
        { action: 'ledger-read', actor: { kind: 'user', id }, subject: SUBJECT_A, count: 25 },
      ]);
    }
    // An API key reading far more than anyone.
    await record('2026-03-03T11:00:00Z', [
      { action: 'api-read', actor: { kind: 'key', id: 'key-batch' }, subject: SUBJECT_B, count: 900 },
    ]);
    // A lookup without a request, on a Sunday night.
    await record('2026-03-08T23:30:00Z', [
      { action: 'subject-lookup', actor: bob, subject: SUBJECT_B, reason: 'checking something' },
    ]);
    // A lookup for an open request, in working hours: no finding.
    await record('2026-03-04T09:00:00Z', [
      {
        action: 'subject-lookup',
        actor: ann,
        subject: SUBJECT_A,
        reason: 'access request',
        requestId: 'req-7',
      },
    ]);
    const opened = await openAccessReview(store, manifest, {
      period: { from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-04-01T00:00:00Z') },
      createdBy: officer.id,
      now: new Date('2026-04-02T00:00:00Z'),
      options: { openRequests: new Set(['req-7']) },
    });
    if (!opened.ok) throw new Error(opened.refusal.code);
    const stored = await getAccessReview(store.db, opened.review.id);
    expect(stored?.findings).toEqual([
      {
        code: 'review.volume-outlier',
        actor: { kind: 'key', id: 'key-batch' },
        count: 900,
        median: 25,
        threshold: 75,
      },
      {
        code: 'review.lookup-without-request',
        actor: bob,
        subject: SUBJECT_B,
        count: 1,
        first: '2026-03-08T23:30:00.000Z',
        last: '2026-03-08T23:30:00.000Z',
      },
      {
        code: 'review.outside-hours',
        actor: bob,
        count: 1,
        first: '2026-03-08T23:30:00.000Z',
        last: '2026-03-08T23:30:00.000Z',
      },
    ]);
    expect(stored?.summary).toMatchObject({ entries: 7, accesses: 1002, actors: 7, subjects: 2 });
    // Reasons stay in the audit log; the review stores codes, ids and pseudonyms only.
    expect(JSON.stringify(stored)).not.toContain('checking something');
  });
});
