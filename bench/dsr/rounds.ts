import type { Manifest } from '@pledge/core';
import { createScratchDatabase } from '@pledge/testing';
import type { BaselineLane } from './baseline/index.js';
import type { Round } from './figures.js';
import { checkCounts, type Lane, type LaneRun, type Phase } from './lane.js';
import { PledgeLane, type StoreKind } from './pledge-lane.js';
import { type SubjectPair, totalRows } from './subjects.js';
import type { ErasureCheck } from './verify.js';
import type { World } from './world.js';

/** Where Pledge's job state lives, and whether connectors outlive a request (the experiment). */
export interface StoreConfig {
  label: string;
  store: StoreKind;
  keepConnections: boolean;
}

/** What every round needs. */
export interface Context {
  manifest: Manifest;
  world: World;
  baseline: BaselineLane;
  check: ErasureCheck;
  /** Unmeasured rounds first. */
  warmup: number;
  log: (message: string) => void;
}

/** Access then erasure of one subject on one lane, checked. */
async function runPhases(lane: Lane, subject: SubjectPair['pledge'], check: ErasureCheck) {
  const out = {} as Record<Phase, LaneRun>;
  for (const phase of ['access', 'erase'] as const) {
    out[phase] = await lane.run(phase, subject);
    checkCounts(lane.name, phase, subject, out[phase]);
  }
  const problems = await check.problems(out.access.keys ?? {});
  if (problems.length > 0) {
    throw new Error(`${lane.name} erasure of subject ${subject.index} is incomplete: ${problems.join('; ')}`);
  }
  return out;
}

/** Warm-up then measured rounds of one store configuration, one pair of subjects per round. */
export async function measureStore(
  config: StoreConfig,
  pairs: readonly SubjectPair[],
  ctx: Context,
): Promise<Round[]> {
  const scratch =
    config.store === 'postgres' ? await createScratchDatabase('pledge_bench_dsr_store') : undefined;
  const pledge = await PledgeLane.open(ctx.manifest, ctx.world, {
    ...(scratch ? { url: scratch.url, onClose: scratch.drop } : {}),
    keepConnections: config.keepConnections,
  }).catch(async (error) => {
    await scratch?.drop();
    throw error;
  });
  const rounds: Round[] = [];
  try {
    for (const [r, pair] of pairs.entries()) {
      const first = r % 2 === 0 ? 'pledge' : 'baseline';
      const runPledge = () => runPhases(pledge, pair.pledge, ctx.check);
      const runBaseline = () => runPhases(ctx.baseline, pair.baseline, ctx.check);
      let pledgeRuns: Record<Phase, LaneRun>;
      let baselineRuns: Record<Phase, LaneRun>;
      if (first === 'pledge') {
        pledgeRuns = await runPledge();
        baselineRuns = await runBaseline();
      } else {
        baselineRuns = await runBaseline();
        pledgeRuns = await runPledge();
      }
      const measured = r >= ctx.warmup;
      const total = (x: Record<Phase, LaneRun>) => Math.round(x.access.ms + x.erase.ms);
      ctx.log(
        `${config.label} round ${r + 1}/${pairs.length}${measured ? '' : ' (warm-up)'}: ` +
          `pledge ${total(pledgeRuns)} ms, baseline ${total(baselineRuns)} ms (${totalRows(pair.pledge)} rows)`,
      );
      if (!measured) continue;
      rounds.push({
        round: r - ctx.warmup + 1,
        first,
        pledgeSubject: pair.pledge.index,
        baselineSubject: pair.baseline.index,
        pledge: pledgeRuns,
        baseline: baselineRuns,
      });
    }
  } finally {
    await pledge.close();
  }
  return rounds;
}
