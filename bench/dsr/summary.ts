import type { IdentityKind, Manifest } from '@pledge/core';
import { buildPlan } from '@pledge/dsr';
import { knownSubject } from '@pledge/refdata';
import { percentile } from '../lib/timing.js';
import type { BenchResult } from '../lib/types.js';
import { breakdownFigures, type PhaseFigures, phaseFigures, type Round } from './figures.js';
import type { Phase } from './lane.js';
import { QUEUE_POLLING_SECONDS, type QueueRun } from './queue-lane.js';
import type { StoreConfig } from './rounds.js';
import type { SubjectPair } from './subjects.js';
import { dsrTables } from './tables.js';
import type { World } from './world.js';

/** Targets the lead asked for (reported, not asserted). */
const TARGET_RATIO = 1.5;
const TARGET_TOTAL_MS = 1_000;
/** Issue 8: access plus erasure of one subject (median) under 100 ms, at 10M rows too. */
const TARGET_SUBJECT_MS = 100;
/** Issue 8: Pledge's time outside the datastores at most twice the script's. */
const TARGET_OUTSIDE_RATIO = 2;

/** Median time of `buildPlan` for the camera-app manifest and a full identity, ms. */
function planCost(manifest: Manifest, kind: Phase): number {
  const identity = Object.keys(knownSubject('camera-app', 1).identities) as IdentityKind[];
  const times: number[] = [];
  for (let i = 0; i < 60; i++) {
    const started = performance.now();
    buildPlan(manifest, { kind, identity });
    times.push(performance.now() - started);
  }
  return Math.round(percentile(times.slice(10), 50) * 1000) / 1000;
}

/** The printed tables and the JSON of a run. */
export function summarise(
  plan: object,
  world: World,
  manifest: Manifest,
  byStore: ReadonlyArray<{ config: StoreConfig; rounds: Round[] }>,
  queueRuns: readonly QueueRun[],
  pairs: readonly SubjectPair[],
  notes: string[],
): BenchResult {
  const stores = byStore.map(({ config, rounds }) => ({
    store: config.label,
    storeKind: config.store,
    keepConnections: config.keepConnections,
    phases: {
      access: phaseFigures(rounds, 'access'),
      erase: phaseFigures(rounds, 'erase'),
      total: phaseFigures(rounds, 'total'),
    } satisfies Record<Phase | 'total', PhaseFigures>,
    breakdown: {
      access: breakdownFigures(rounds, 'access'),
      erase: breakdownFigures(rounds, 'erase'),
    },
    rounds: rounds.map((r) => ({
      round: r.round,
      first: r.first,
      pledgeSubject: r.pledgeSubject,
      baselineSubject: r.baselineSubject,
      rows: r.pledge.access.rows,
      packageBytes: { pledge: r.pledge.access.packageBytes, baseline: r.baseline.access.packageBytes },
    })),
  }));
  const planMs = { access: planCost(manifest, 'access'), erase: planCost(manifest, 'erase') };
  const targets = Object.fromEntries(
    stores
      // Targets are judged on Pledge as shipped: a worker keeps its connectors open.
      .filter((s) => s.keepConnections)
      .map((s) => [
        s.store,
        {
          ratio: {
            target: TARGET_RATIO,
            actual: s.phases.total.ratio,
            met: s.phases.total.ratio <= TARGET_RATIO,
          },
          totalMs: {
            target: TARGET_TOTAL_MS,
            actual: s.phases.total.pledgeP95Ms,
            met: s.phases.total.pledgeP95Ms < TARGET_TOTAL_MS,
          },
          subjectMs: {
            target: TARGET_SUBJECT_MS,
            actual: s.phases.total.pledgeMs,
            met: s.phases.total.pledgeMs < TARGET_SUBJECT_MS,
          },
          outsideRatio: {
            target: TARGET_OUTSIDE_RATIO,
            actual: s.phases.total.ratioOutside,
            met: s.phases.total.ratioOutside <= TARGET_OUTSIDE_RATIO,
          },
        },
      ]),
  );
  for (const s of stores) {
    const t = targets[s.store] as
      | Record<'ratio' | 'totalMs' | 'subjectMs' | 'outsideRatio', { met: boolean }>
      | undefined;
    if (!t) continue;
    const verdict = (met: boolean) => (met ? 'met' : 'missed');
    notes.push(
      `${s.store} store: ratio ${s.phases.total.ratio}× (target ≤ ${TARGET_RATIO}×, ${verdict(t.ratio.met)}); ` +
        `Pledge p50 ${s.phases.total.pledgeMs} ms per subject (target < ${TARGET_SUBJECT_MS} ms, ${verdict(t.subjectMs.met)}), ` +
        `p95 ${s.phases.total.pledgeP95Ms} ms (target < ${TARGET_TOTAL_MS} ms, ${verdict(t.totalMs.met)}); ` +
        `outside the datastores ${s.phases.total.pledgeOutsideMs} ms against the script's ${s.phases.total.baselineOutsideMs} ms, ` +
        `${s.phases.total.ratioOutside}× (target ≤ ${TARGET_OUTSIDE_RATIO}×, ${verdict(t.outsideRatio.met)})`,
    );
  }
  if (stores.some((s) => !s.keepConnections)) {
    notes.push(
      '"new connections per request" is a comparison, not Pledge as shipped: a worker keeps its connectors open across requests',
    );
  }
  if (pairs.some((p) => !p.sameShape))
    notes.push('some pairs are not exact twins (scale too small): closest shape');
  const queue =
    queueRuns.length === 0
      ? null
      : {
          pollingIntervalSeconds: QUEUE_POLLING_SECONDS,
          runs: queueRuns.map((q) => ({
            ...q,
            accessMs: Math.round(q.accessMs),
            eraseMs: Math.round(q.eraseMs),
          })),
        };
  return {
    name: 'dsr',
    tables: dsrTables(world, stores, queue),
    notes,
    results: {
      plan,
      example: 'camera-app',
      datastores: { ...world.totals, perCollection: world.counts, generateMs: world.generateMs },
      stores,
      planMs,
      queue,
      targets,
    },
  };
}
