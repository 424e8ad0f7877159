import { createHmac } from 'node:crypto';
import { systemClock } from '@pledge/jobs';
import { createNotifier, type Notifier, type SmtpConfig } from '@pledge/notify';
import type { CenterRequestView } from '@pledge/render';
import {
  checkCode,
  getRequest,
  migrateVerification,
  type RequestActor,
  receiveRequest,
  requestPackage,
  startCodeVerification,
  transitionRequest,
  type VerificationContext,
  verifyIdentityToken,
} from '@pledge/requests';
import type { Database } from '@pledge/store';
import type { Runtime } from '../runtime.js';
import { packageLinkKey, signPackageLink } from './package-link.js';
import type { PrivacyCenterBackends } from './ports.js';

/** Options of {@link privacyCenterWorkflow}. */
export interface PrivacyCenterWorkflowOptions {
  /** SMTP server for codes and answers (PLEDGE_SMTP_URL, PLEDGE_SMTP_FROM); absent: mail is held in the outbox. */
  readonly smtp?: SmtpConfig;
  /** PLEDGE_VERIFY_SECRET: checks identity tokens of signed-in users; absent: tokens identify nobody. */
  readonly verifySecret?: string;
  /** Called once a request is verified, so it is carried out at once (the request runner's kick). */
  readonly onVerified?: (id: string) => void;
}

/** The privacy center's forms over the request workflow: the one used by the API, the console and the CLI. */
export interface PrivacyCenterWorkflow extends PrivacyCenterBackends {
  close(): Promise<void>;
}

/**
 * The real workflow behind the privacy center: requests stored by `receiveRequest` (channel
 * `privacy-center`; its tables are the runtime's), codes sent and checked by `startCodeVerification` / `checkCode` through
 * the notifier's outbox, states moved by `transitionRequest`. Tables are created on first use,
 * so a server nobody asks anything of pays nothing.
 */
export function privacyCenterWorkflow(
  rt: Runtime,
  options: PrivacyCenterWorkflowOptions = {},
): PrivacyCenterWorkflow {
  const db = rt.store.db;
  // One secret to keep: the verification key is derived from the subject key.
  const secret = createHmac('sha256', rt.subjectKey)
    .update('pledge privacy-center verification v1')
    .digest('hex');
  let ready: Promise<VerificationContext<Database>> | undefined;
  let notifier: Notifier | undefined;
  const context = (): Promise<VerificationContext<Database>> => {
    ready ??= (async (): Promise<VerificationContext<Database>> => {
      await migrateVerification(db);
      notifier = await createNotifier({ db, ...(options.smtp ? { smtp: options.smtp } : {}) });
      return { db, secret, notifier, clock: systemClock };
    })();
    return ready;
  };
  const actorOf = (id: string): RequestActor => ({ kind: 'requester', id });
  const linkKey = packageLinkKey(rt.subjectKey);

  return {
    requests: {
      async submit(submission) {
        const ctx = await context();
        const received = await receiveRequest(
          db,
          {
            right: submission.right,
            channel: 'privacy-center',
            contact: { kind: 'email', address: submission.email },
            identity: { email: [submission.email] },
            language: submission.lang,
            ...(submission.jurisdiction ? { jurisdiction: submission.jurisdiction } : {}),
            ...(submission.details ? { details: submission.details } : {}),
          },
          { actor: { kind: 'system', id: 'privacy-center' }, manifest: rt.engine.policy.manifest },
        );
        // The form checked every field the workflow checks; a refusal here is a bug, not input.
        if (!received.ok)
          throw new Error(`privacy center: request refused (${received.code} at ${received.path})`);
        const { id } = received.request;
        const started = await startCodeVerification(ctx, {
          channel: 'email',
          address: submission.email,
          requestRef: id,
          locale: submission.lang,
          ...(submission.ip ? { ip: submission.ip } : {}),
        });
        if (!started.ok) return { id };
        await transitionRequest(db, id, { action: 'start-verification' }, { actor: actorOf(id) });
        return { id, challenge: started.challengeId };
      },
      async verify(id, challenge, code) {
        const ctx = await context();
        const checked = await checkCode(ctx, { challengeId: challenge, code });
        if (!checked.ok || checked.verification.requestRef !== id) return false;
        const moved = await transitionRequest(
          db,
          id,
          { action: 'verify', method: 'email-code' },
          { actor: actorOf(id) },
        );
        if (moved.ok) options.onVerified?.(id);
        return moved.ok;
      },
      async view(id) {
        await context();
        const request = await getRequest(db, id);
        if (request === undefined) return undefined;
        const reasons = request.denial
          ? [request.denial.explanation, request.denial.complaintRoute].filter(Boolean).join(' ')
          : (request.extension?.note ?? undefined);
        const ready = (await requestPackage(db, id)) !== undefined;
        const view: CenterRequestView = {
          id: request.id,
          right: request.right,
          state: request.state,
          receivedAt: request.receivedAt,
          ...(request.dueAt ? { dueAt: request.dueAt } : {}),
          ...(reasons ? { reasons } : {}),
          ...(ready ? { downloadUrl: signPackageLink(linkKey, id, systemClock.now().getTime()) } : {}),
        };
        return view;
      },
      async package(id) {
        await context();
        const request = await getRequest(db, id);
        if (request === undefined) return undefined;
        const zip = await requestPackage(db, id);
        if (zip === undefined) return undefined;
        return { zip, subject: request.identity['user-id']?.[0] ?? request.contact.address };
      },
    },
    signIn: {
      async start(email, lang, ip) {
        const ctx = await context();
        const started = await startCodeVerification(ctx, {
          channel: 'email',
          address: email,
          locale: lang,
          ...(ip ? { ip } : {}),
        });
        return started.ok ? started.challengeId : undefined;
      },
      async finish(challenge, code) {
        const ctx = await context();
        const checked = await checkCode(ctx, { challengeId: challenge, code });
        return checked.ok && checked.verification.requestRef === null;
      },
      async token(token) {
        if (!options.verifySecret) return undefined;
        const ctx = await context();
        const checked = await verifyIdentityToken(ctx, { hmacSecret: options.verifySecret }, token);
        return checked.ok ? checked.subject : undefined;
      },
    },
    async close() {
      if (ready) await ready.catch(() => undefined);
      await notifier?.close();
    },
  };
}
