import { type DsrQueue, type DsrWorker, openDsrQueue, unzipPackage } from '@pledge/dsr';
import {
  executeRequest,
  type RequestRight,
  receiveRequest,
  syncExecution,
  transitionRequest,
} from '@pledge/requests';
import { readAuditEntries, resolveSubjectKey } from '@pledge/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, email, type World } from '../../dsr/test/sqlite-world.js';
import { packageLinkKey, signPackageLink } from '../src/privacy-center/package-link.js';
import {
  newVisitor,
  sealVisitor,
  VISITOR_COOKIE,
  type VisitorRequest,
  visitorCookieKey,
} from '../src/privacy-center/visitor-cookie.js';
import { type TestApp, testApp } from './helpers.js';

const officer = { kind: 'user', id: 'officer-1' } as const;

describe('the access package through a short-lived signed link', () => {
  let t: TestApp;
  let queue: DsrQueue;
  let worker: DsrWorker;
  let world: World;
  let subjectKey: string;
  let mine: string;
  let other: string;

  /** A request received from the privacy center, verified, carried out by the DSR engine and completed. */
  async function carriedOut(right: RequestRight, subject: number): Promise<string> {
    const received = await receiveRequest(
      t.store.db,
      {
        right,
        channel: 'privacy-center',
        contact: { kind: 'email', address: email(subject) },
        identity: { email: [email(subject)] },
        jurisdiction: 'eu-gdpr',
      },
      { actor: { kind: 'requester', id: 'privacy-center' }, manifest: world.manifest },
    );
    if (!received.ok) throw new Error(received.code);
    const id = received.request.id;
    await transitionRequest(t.store.db, id, { action: 'verify', method: 'email-code' }, { actor: officer });
    const started = await executeRequest(t.store.db, queue, id, { actor: officer, manifest: world.manifest });
    if (!started.ok) throw new Error(started.code);
    await queue.wait(started.dsrRequestId, { timeoutMs: 60_000 });
    const synced = await syncExecution(t.store.db, queue, id, { actor: officer });
    expect(synced).toMatchObject({ ok: true, status: 'completed' });
    return id;
  }

  /** A browser whose privacy-center cookie holds these requests. */
  const browser = (requests: VisitorRequest[]) => {
    const visitor = { ...newVisitor(Date.now()), requests };
    return `${VISITOR_COOKIE}=${sealVisitor(visitorCookieKey(subjectKey), visitor)}`;
  };

  beforeAll(async () => {
    world = createWorld();
    t = await testApp('pglite');
    subjectKey = await resolveSubjectKey(t.store, undefined);
    queue = await openDsrQueue(t.store);
    worker = await queue.work({
      connectors: world.factory,
      secret: 'package-secret',
      pollingIntervalSeconds: 0.5,
    });
    mine = await carriedOut('access', 1);
    other = await carriedOut('portability', 2);
  }, 120_000);
  afterAll(async () => {
    await worker?.stop();
    await queue?.close();
    await t?.close();
    world?.cleanup();
  });

  const linkOnStatusPage = async (id: string, cookie: string): Promise<string> => {
    const page = await t.app.inject({ url: `/privacy/requests/${id}`, headers: { cookie } });
    expect(page.statusCode).toBe(200);
    const href = /<a class="button" href="([^"]+)" download>/.exec(page.body)?.[1];
    if (!href) throw new Error('no download link on the status page');
    return href.replaceAll('&amp;', '&');
  };

  it('the status page and GET /v1/requests/:id link the package; the link downloads the zip of the person’s rows, once audited', async () => {
    const cookie = browser([{ id: mine }]);
    const href = await linkOnStatusPage(mine, cookie);
    expect(href).toMatch(new RegExp(`^/privacy/requests/${mine}/package\\?exp=\\d+&sig=[\\w-]+$`));
    const exp = Number(new URL(href, 'http://x').searchParams.get('exp'));
    expect(exp - Date.now()).toBeGreaterThan(14 * 60 * 1000);
    expect(exp - Date.now()).toBeLessThanOrEqual(15 * 60 * 1000);

    const api = await t.app.inject({ url: `/v1/requests/${mine}` });
    expect(api.statusCode).toBe(200);
    expect((api.json() as { packageUrl?: string }).packageUrl).toMatch(
      new RegExp(`^/privacy/requests/${mine}/package\\?exp=\\d+&sig=`),
    );

    const before = (await readAuditEntries(t.store.db, { action: 'request-package' })).entries.length;
    const res = await t.app.inject({ url: href, headers: { cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toContain('attachment;');
    const files = unzipPackage(res.rawPayload);
    const all = Object.values(files).join('\n');
    expect(all).toContain(email(1));
    expect(all).not.toContain(email(2));
    const { entries } = await readAuditEntries(t.store.db, { action: 'request-package' });
    expect(entries.length).toBe(before + 1);
    expect(entries.at(-1)).toMatchObject({
      action: 'request-package',
      actor: { kind: 'system', id: 'privacy-center' },
    });
    expect(JSON.stringify(entries.at(-1))).not.toContain(email(1));
  });

  it('refuses an expired link (410), a tampered one (403), one signed for another request (403) and another browser (403), never 500', async () => {
    const key = packageLinkKey(subjectKey);
    const cookie = browser([{ id: mine }, { id: other }]);
    const good = signPackageLink(key, mine, Date.now());
    const before = (await readAuditEntries(t.store.db, { action: 'request-package' })).entries.length;

    const expired = signPackageLink(key, mine, Date.now() - 16 * 60 * 1000);
    expect((await t.app.inject({ url: expired, headers: { cookie } })).statusCode).toBe(410);

    const sig = new URL(good, 'http://x').searchParams.get('sig') ?? '';
    const flipped = `${sig[0] === 'A' ? 'B' : 'A'}${sig.slice(1)}`;
    expect((await t.app.inject({ url: good.replace(sig, flipped), headers: { cookie } })).statusCode).toBe(
      403,
    );
    const later = good.replace(/exp=(\d+)/, (_m, e: string) => `exp=${Number(e) + 60 * 60 * 1000}`);
    expect((await t.app.inject({ url: later, headers: { cookie } })).statusCode).toBe(403);

    const crossed = good.replace(`/requests/${mine}/`, `/requests/${other}/`);
    expect((await t.app.inject({ url: crossed, headers: { cookie } })).statusCode).toBe(403);

    for (const stranger of [browser([{ id: other }]), browser([]), undefined]) {
      const res = await t.app.inject({ url: good, headers: stranger ? { cookie: stranger } : {} });
      expect(res.statusCode).toBe(403);
      expect(res.headers['content-type']).toContain('text/html');
    }
    for (const junk of ['', '?exp=abc&sig=x', '?exp=99999999999999999999&sig=', '?sig=a&sig=b&exp=1']) {
      const res = await t.app.inject({
        url: `/privacy/requests/${mine}/package${junk}`,
        headers: { cookie },
      });
      expect([403, 410]).toContain(res.statusCode);
    }
    expect((await readAuditEntries(t.store.db, { action: 'request-package' })).entries.length).toBe(before);
  });

  it('an erasure request has no package and no link', async () => {
    const id = await carriedOut('erasure', 3);
    const cookie = browser([{ id }]);
    const page = await t.app.inject({ url: `/privacy/requests/${id}`, headers: { cookie } });
    expect(page.body).not.toContain('/package?');
    const res = await t.app.inject({
      url: signPackageLink(packageLinkKey(subjectKey), id, Date.now()),
      headers: { cookie },
    });
    expect(res.statusCode).toBe(410);
  });
});
