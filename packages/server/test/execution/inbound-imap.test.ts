import { listInbound } from '@pledge/notify';
import { openStore, type Store } from '@pledge/store';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  IMAP_USER,
  imapServerAvailable,
  startImapServer,
  type TestImapServer,
} from '../../../notify/test/imap-server.js';
import { buildServer } from '../../src/app.js';
import { loadManifest, REPO_ROOT } from '../fixtures.js';

const WRITER = 'canary-server-imap-8812@example.test';

describe.runIf(imapServerAvailable())(
  'the server polls the contact mailbox (PLEDGE_INBOUND_IMAP_URL)',
  () => {
    let imap: TestImapServer;
    let store: Store;
    let app: FastifyInstance;

    beforeAll(async () => {
      imap = await startImapServer();
      await imap.append(
        [
          `From: Wang Fang <${WRITER}>`,
          `To: ${IMAP_USER}`,
          'Subject: Please delete my account',
          'Message-ID: <server-imap-1@example.test>',
          'Date: Sun, 06 Dec 2026 08:00:00 +0000',
          'Content-Type: text/plain; charset=utf-8',
          '',
          'I would like my account and its data deleted.',
          '',
        ].join('\r\n'),
        new Date('2026-12-06T08:00:00Z'),
      );
      store = await openStore();
      app = await buildServer({
        manifest: loadManifest(`${REPO_ROOT}examples/antsentry/pledge.yaml`),
        store,
        logger: false,
        background: { pollMs: 200, inboundImapUrl: imap.url(), inboundImapEveryMs: 500 },
      });
      await app.ready();
    }, 60_000);

    afterAll(async () => {
      await app?.close();
      await store?.close();
      await imap?.close();
    });

    it('P0-60: a letter in the mailbox is logged once as a possible request, and read', async () => {
      const deadline = Date.now() + 30_000;
      let logged = await listInbound(store.db);
      while (logged.length === 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        logged = await listInbound(store.db);
      }
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatchObject({ status: 'logged' });
      expect(JSON.stringify(logged[0])).toContain('Please delete my account');
      const flags = await imap.flags();
      expect([...flags.values()][0]).toContain('\\Seen');
    });
  },
);
