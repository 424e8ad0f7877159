import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shopManifest } from '../../decide/test/fixture.js';
import {
  createClient,
  createPledge,
  type DecideRequest,
  type Decision,
  type Pledge,
  type PledgeClient,
} from '../src/index.js';
import { Picker, rng } from './support/random.js';
import { backends, eventually, startServer, type TestServer } from './support/server.js';

const kinds = await backends();
const SUBJECTS = 60;
const REQUESTS_PER_SUBJECT = 12;

/** In-process decisions for a batch, through the same request shape the server takes. */
function decideLocally(pledge: Pledge, requests: DecideRequest[]): Decision[] {
  return requests.map(({ subject, facts, ...request }) => pledge.decide(subject, request, facts));
}

describe.each(kinds)('in-process decisions equal POST /v1/decide on %s', (kind) => {
  let server: TestServer;
  let client: PledgeClient;
  let officer: PledgeClient;
  let pledge: Pledge;
  const pick = new Picker(rng(kind === 'pglite' ? 20250101 : 20250202));
  const subjects = Array.from({ length: SUBJECTS }, (_, i) => `random-subject-${i}`);

  beforeAll(async () => {
    server = await startServer(kind);
    client = createClient({ baseUrl: server.baseUrl, token: server.token });
    officer = createClient({ baseUrl: server.baseUrl, token: server.officerToken });
    pledge = await createPledge({
      baseUrl: server.baseUrl,
      token: server.token,
      pollIntervalMs: 25,
      policyRefreshMs: 0,
    });
    for (const subject of subjects) {
      await record(
        subject,
        Array.from({ length: pick.int(8) }, () => pick.event()),
      );
    }
  });
  afterAll(async () => {
    await pledge.close();
    await server.close();
  });

  /**
   * Records a history in order: an objection is lifted only through an officer's key (its
   * assessment, P0-53), every other event through the application's.
   */
  async function record(subject: string, events: ReturnType<Picker['event']>[]): Promise<void> {
    let run: typeof events = [];
    const flush = async () => {
      if (run.length > 0) await client.recordConsent(subject, run);
      run = [];
    };
    for (const event of events) {
      if (event.type === 'objection-lifted') {
        await flush();
        await officer.recordConsent(subject, [event]);
      } else run.push(event);
    }
    await flush();
  }

  async function compare(): Promise<number> {
    const requests = subjects.flatMap((s) =>
      Array.from({ length: REQUESTS_PER_SUBJECT }, () => pick.request(s)),
    );
    requests.push(...Array.from({ length: 20 }, () => pick.request(undefined)));
    for (const subject of subjects) await pledge.load(subject);
    const { decisions } = await client.decideBatch(requests);
    const local = decideLocally(pledge, requests);
    // Compared as JSON, as they travel: an absent legal basis is an absent key on both sides.
    expect(JSON.parse(JSON.stringify(local))).toEqual(decisions);
    return new Set(decisions.map((d) => d.allowed)).size;
  }

  it('for random subjects with random ledger histories and random requests', async () => {
    // Both outcomes occur, so the comparison is not between two constant answers.
    expect(await compare()).toBe(2);
  });

  it('after a new version reopens consents, and after more events arrive through the feed', async () => {
    await client.publishPolicy(
      shopManifest((m) => {
        m.policy.version = '3.0';
        const purpose = m.purposes.find((p) => p.id === 'newsletter')!;
        purpose.categories = [...purpose.categories, 'browsing'];
      }),
    );
    expect(await pledge.refreshPolicy()).toBe(true);
    for (const subject of subjects.slice(0, 20)) await record(subject, [pick.event(), pick.event()]);
    const { lastSeq } = await client.sdkConfig();
    await eventually('the cache has read the whole feed', () => pledge.lastSeq >= lastSeq);
    expect(await compare()).toBe(2);
  });
});
