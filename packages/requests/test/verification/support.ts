import { ManualClock } from '@pledge/jobs';
import { createNotifier, type Notifier } from '@pledge/notify';
import type { Database, Store } from '@pledge/store';
import { type MailSink, startMailSink, startWebhookSink, type WebhookSink } from '@pledge/testing/sinks';
import { backendKinds, freshStore } from '../../../store/test/backends.js';
import { migrateVerification, type VerificationContext } from '../../src/index.js';

/** One back end for these tests: PostgreSQL when it answers (faster), else PGlite. */
export const backend = backendKinds.includes('postgres') ? 'postgres' : 'pglite';

export const SECRET = 'verification-test-secret-0123456789';
export const GATEWAY_SECRET = 'gateway-secret-abcdef';

/** A store, a mail sink, an SMS gateway sink, a notifier and a verification context. */
export interface World {
  store: Store;
  mail: MailSink;
  gateway: WebhookSink;
  notifier: Notifier;
  clock: ManualClock;
  ctx: VerificationContext<Database>;
  close(): Promise<void>;
}

export async function openWorld(options: { known?: (address: string) => boolean } = {}): Promise<World> {
  const { store, cleanup } = await freshStore(backend, { migrate: false });
  const mail = await startMailSink();
  const gateway = await startWebhookSink();
  const clock = new ManualClock('2026-04-01T08:00:00Z');
  const notifier = await createNotifier({
    db: store.db,
    clock,
    smtp: { host: '127.0.0.1', port: mail.port, from: 'privacy@shop.example' },
    webhookSecret: GATEWAY_SECRET,
    smsGatewayUrl: `${gateway.url}/sms`,
  });
  await migrateVerification(store.db);
  const known = options.known;
  const ctx: VerificationContext<Database> = {
    db: store.db,
    secret: SECRET,
    notifier,
    clock,
    ...(known ? { isKnown: async (a: string) => known(a) } : {}),
  };
  return {
    store,
    mail,
    gateway,
    notifier,
    clock,
    ctx,
    async close() {
      await notifier.close();
      await mail.close();
      await gateway.close();
      await cleanup();
    },
  };
}

/** The six-digit code in a verification mail or SMS text. */
export function codeIn(text: string): string {
  const match = /\b([0-9]{6})\b/.exec(text);
  if (!match?.[1]) throw new Error('no code in the message');
  return match[1];
}
