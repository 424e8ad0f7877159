import { hasActiveApiKeys } from '@pledge/auth';
import type { Manifest } from '@pledge/core';
import type { ConnectorFactory } from '@pledge/dsr';
import type { SmtpConfig } from '@pledge/notify';
import { CHECKPOINTED_CHAINS, type CheckpointTimer, type Store, startCheckpoints } from '@pledge/store';
import Fastify, { type FastifyInstance } from 'fastify';
import { registerAuditPages } from './console/audit-pages.js';
import { registerConsoleKeys } from './console/keys-routes.js';
import type { ConsoleOptions } from './console/options.js';
import { registerConsolePages } from './console/pages.js';
import { checkConsoleRoutes, registerConsole } from './console/register.js';
import { registerConsoleUsers } from './console/users-routes.js';
import { installErrorHandlers } from './errors.js';
import { type LogOptions, loggerOptions } from './logging.js';
import { registerDocs } from './openapi/docs.js';
import { jsonSerializerCompiler, zodValidatorCompiler } from './openapi/zod-bridge.js';
import { registerPrivacyCenterRoutes } from './privacy-center/register.js';
import { privacyCenterWorkflow } from './privacy-center/workflow.js';
import { createExecution, type Execution } from './request-runner/execution.js';
import type { ServerCheckpoints } from './routes/checkpoints.js';
import { registerConsoleObjectionAssessment } from './routes/console-objection-assessment.js';
import { registerConsoleOutbox } from './routes/console-outbox.js';
import { registerConsoleRecipients } from './routes/console-recipients.js';
import { registerConsoleRequests } from './routes/console-requests.js';
import { registerReviewRoutes } from './routes/console-reviews.js';
import { registerFaviconRoute } from './routes/favicon.js';
import { registerHealthRoutes } from './routes/health.js';
import { registerHomeRoutes } from './routes/home.js';
import { registerLintRoutes } from './routes/lint.js';
import { registerPolicyRoutes } from './routes/policy.js';
import { registerV1 } from './routes/v1.js';
import { openRuntime, type Runtime } from './runtime.js';
import { guardHook, modeHook } from './security/guard.js';
import { KeyPresence } from './security/key-presence.js';
import { DEFAULT_RATE_LIMITS, type RateLimits, rateLimitHooks } from './security/rate-limits.js';
import { trackRoutes } from './security/registered-routes.js';
import { installSecurityHeaders } from './security-headers.js';

/** Default largest request body, bytes (1 MiB). */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;
/** Largest manifest body of `POST /v1/policies`, bytes (5 MiB, as `parseManifest` allows). */
export const MANIFEST_BODY_LIMIT = 5 * 1024 * 1024;

/** Default time to receive a whole request, headers and body, ms: a half-sent request is closed after it. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
/** Default time an idle kept-alive connection stays open, ms. */
export const DEFAULT_KEEP_ALIVE_TIMEOUT_MS = 5_000;

declare module 'fastify' {
  interface FastifyInstance {
    /** The execution of requests (runner, approvals, DSR queue); see `request-runner/`. */
    execution: Execution;
  }
}

/** Options for {@link buildServer}. */
export interface ServerOptions {
  /** The validated manifest the deployment starts with (published as a version if new). */
  manifest: Manifest;
  /** Where it came from, shown on the lint report. Default `pledge.yaml`. */
  source?: string;
  /** Logging; `false` for none. Default: info level to stdout. */
  logger?: LogOptions | false;
  /** The store (the caller closes it). Default: a new in-memory PGlite, closed with the app. */
  store?: Store;
  /**
   * PLEDGE_API_TOKEN: a bootstrap key with the `admin` scope only (it creates and revokes keys).
   * Setting it ends development mode, as a stored key does.
   */
  apiToken?: string;
  /** PLEDGE_ALLOWED_HOSTS: host names answered. Default: any with keys; loopback names in development mode. */
  allowedHosts?: readonly string[];
  /** Time to receive a whole request, ms (PLEDGE_REQUEST_TIMEOUT_MS). Default 30 000. */
  requestTimeoutMs?: number;
  /** Idle time of a kept-alive connection, ms (PLEDGE_KEEP_ALIVE_TIMEOUT_MS). Default 5 000. */
  keepAliveTimeoutMs?: number;
  /** Requests per minute per key, per address, per address with a site key. */
  rateLimits?: Partial<RateLimits>;
  /**
   * Key of subject hashes (PLEDGE_SUBJECT_KEY), checked against the store's fingerprint.
   * Default: on the embedded store, its key file (in memory for an in-memory store); on
   * PostgreSQL none, and the app refuses to build.
   */
  subjectKey?: string;
  /** Largest request body, bytes. Default 1 MiB (manifests: 5 MiB). */
  bodyLimit?: number;
  /**
   * How often to check for a policy version published by another process, ms; 0 never.
   * Default 5000 on PostgreSQL (workers share it), 0 on PGlite (one process).
   */
  policySyncMs?: number;
  /** Called when the app has closed, e.g. to close the store the caller opened. */
  onClose?: () => Promise<void>;
  /**
   * The key and sink of ledger checkpoints (see @pledge/config `openCheckpoints`): the heads
   * are signed at start and every `everyMs`, and on demand (`POST /v1/ledger/checkpoints`).
   * Default: none (a warning says what is then not covered).
   */
  checkpoints?: ServerCheckpoints;
  /**
   * SMTP server for the privacy center's codes and answers (PLEDGE_SMTP_URL, PLEDGE_SMTP_FROM).
   * Default none: messages are kept in the outbox (`held`), shown in the console.
   */
  smtp?: SmtpConfig;
  /**
   * PLEDGE_VERIFY_SECRET: the secret applications sign identity tokens with
   * (`issueVerificationToken` of @pledge/sdk), so a signed-in user reaches the privacy center
   * identified (`/privacy/sign-in/token?token=`). Default none: visitors confirm an address by code.
   */
  verifySecret?: string;
  /** PLEDGE_PUBLIC_LINT=hide: the policy page `/` leaves out the lint report's summary and link. */
  hidePublicLint?: boolean;
  /** Console sign-in: rate limit, lockout and session lifetimes (docs/console.md). */
  console?: ConsoleOptions;
  /**
   * Background work: the request runner, a DSR worker, the deadline sweep and the outbox
   * deliveries (docs/requests.md, "Execution"). Default off here; `startServer` turns it on
   * unless PLEDGE_BACKGROUND=off.
   */
  background?: BackgroundOptions;
  /** PLEDGE_WEBHOOK_SECRET: signs webhooks, e.g. recipients' erasure notices. Default none (unsigned). */
  webhookSecret?: string;
}

/** Options of the server's background work. */
export interface BackgroundOptions {
  /** Run it; default true when the option is given. */
  enabled?: boolean;
  /** PLEDGE_REQUEST_POLL_MS: time between two passes of the request runner, ms; default 5 000. */
  pollMs?: number;
  /** Connectors of the datasets; default from the environment variables the datasets name. */
  connectors?: ConnectorFactory;
  /**
   * PLEDGE_INBOUND_IMAP_URL: the contact address's mailbox, polled every minute; each message is
   * logged as a possible request (see docs/notifications.md). Default none.
   */
  inboundImapUrl?: string;
  /** Time between two polls of that mailbox, ms; default one minute. */
  inboundImapEveryMs?: number;
}

/**
 * Builds the Pledge HTTP app (not listening): the /v1 API over the engine (consents,
 * decisions, policy versions, ledger, SDK configuration), its OpenAPI document at
 * `/docs/json` and Swagger UI at `/docs`, and the pages `/` (the policy with a language
 * switch), `/policy`, `/lint`, `/lint.json` and `/healthz`. Request parts are validated with
 * zod; a bad one is a 400 naming the field. Logs carry no personal data and redact credentials.
 *
 * @example
 * const app = await buildServer({ manifest, logger: false });
 * const res = await app.inject({ method: 'POST', url: '/v1/decide', payload: { purpose: 'registration', categories: ['email'] } });
 */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const requestTimeout = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const app = Fastify({
    logger: loggerOptions(options.logger ?? {}),
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    requestTimeout,
    keepAliveTimeout: options.keepAliveTimeoutMs ?? DEFAULT_KEEP_ALIVE_TIMEOUT_MS,
    // Node checks these timeouts every `connectionsCheckingInterval` (30 s by default), which
    // would let a half-sent request live up to twice the timeout.
    http: {
      headersTimeout: requestTimeout,
      requestTimeout,
      connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(requestTimeout / 10))),
    },
  });
  trackRoutes(app);
  checkConsoleRoutes(app);
  const rt = await openRuntime({
    manifest: options.manifest,
    source: options.source ?? 'pledge.yaml',
    ...(options.store ? { store: options.store } : {}),
    ...(options.subjectKey ? { subjectKey: options.subjectKey } : {}),
    policySyncMs: options.policySyncMs ?? (options.store?.kind === 'postgres' ? 5000 : 0),
    warn: (message) => app.log.warn(message),
  });
  let timer: CheckpointTimer | undefined;
  const execution = createExecution(rt, {
    background: options.background !== undefined && options.background.enabled !== false,
    ...(options.background?.pollMs ? { pollMs: options.background.pollMs } : {}),
    ...(options.background?.connectors ? { connectors: options.background.connectors } : {}),
    ...(options.background?.inboundImapUrl ? { inboundImapUrl: options.background.inboundImapUrl } : {}),
    ...(options.background?.inboundImapEveryMs
      ? { inboundImapEveryMs: options.background.inboundImapEveryMs }
      : {}),
    ...(options.webhookSecret ? { webhookSecret: options.webhookSecret } : {}),
    ...(options.smtp ? { smtp: options.smtp } : {}),
  });
  app.decorate('execution', execution);
  app.addHook('onClose', async () => {
    await execution.close();
    await timer?.stop();
    await rt.close();
    await options.onClose?.();
  });
  try {
    await setUp(app, rt, execution, options);
    await execution.start(app.log);
  } catch (error) {
    await app.close();
    throw error;
  }
  timer = options.checkpoints ? checkpointTimer(app, rt, options.checkpoints) : undefined;
  if (!options.apiToken && !(await hasActiveApiKeys(rt.store))) {
    app.log.warn(
      'development mode: no API key exists, so the server answers this machine only (loopback, no proxy headers, localhost host names); create a key with `pledge keys create` before exposing it (docs/api-keys.md)',
    );
  }
  return app;
}

async function setUp(
  app: FastifyInstance,
  rt: Runtime,
  execution: Execution,
  options: ServerOptions,
): Promise<void> {
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(jsonSerializerCompiler);
  installErrorHandlers(app);
  installSecurityHeaders(app);
  const keys = new KeyPresence(rt.store);
  const guard = {
    store: rt.store,
    keys,
    ...(options.apiToken ? { bootstrapToken: options.apiToken } : {}),
    ...(options.allowedHosts ? { allowedHosts: options.allowedHosts } : {}),
  };
  // Order matters: mode, host and proxy checks; the per-address limit (failed keys count);
  // the key and its scopes; the per-key limit. All before the body is read.
  const limits = await rateLimitHooks(app, { ...DEFAULT_RATE_LIMITS, ...options.rateLimits });
  app.addHook('onRequest', modeHook(guard));
  app.addHook('onRequest', limits.perAddress);
  app.addHook('onRequest', guardHook(guard));
  app.addHook('onRequest', limits.perKey);
  registerConsole(app, rt.store, rt.subjectKey, options.console);
  registerReviewRoutes(app, rt);
  registerConsoleRecipients(app, rt);
  registerConsoleObjectionAssessment(app, rt);
  registerConsoleRequests(app, rt, execution);
  registerConsoleOutbox(app, rt, { smtpConfigured: options.smtp !== undefined });
  registerConsoleUsers(app, rt);
  registerConsoleKeys(app, rt, options.console);
  registerConsolePages(app, rt, { manifestBodyLimit: Math.max(MANIFEST_BODY_LIMIT, options.bodyLimit ?? 0) });
  registerAuditPages(app, rt);
  // Registered before the OpenAPI document, as the console is: HTML pages and form posts, not API.
  const workflow = privacyCenterWorkflow(rt, {
    onVerified: () => execution.kick(),
    ...(options.smtp ? { smtp: options.smtp } : {}),
    ...(options.verifySecret ? { verifySecret: options.verifySecret } : {}),
  });
  app.addHook('preClose', () => workflow.close());
  registerPrivacyCenterRoutes(app, rt, workflow);
  await registerDocs(app);
  registerHomeRoutes(app, rt, { hideLint: options.hidePublicLint ?? false });
  registerPolicyRoutes(app, rt);
  registerLintRoutes(app, rt);
  registerHealthRoutes(app, rt);
  registerFaviconRoute(app);
  await registerV1(app, rt, {
    keys,
    execution,
    manifestBodyLimit: Math.max(MANIFEST_BODY_LIMIT, options.bodyLimit ?? 0),
    ...(options.checkpoints ? { checkpoints: options.checkpoints } : {}),
  });
  await app.ready();
}

/** Signs the chain heads at start and every `everyMs`; a broken chain is logged, never signed. */
function checkpointTimer(app: FastifyInstance, rt: Runtime, checkpoints: ServerCheckpoints): CheckpointTimer {
  return startCheckpoints(rt.store.db, CHECKPOINTED_CHAINS, {
    key: checkpoints.key,
    sink: checkpoints.sink,
    everyMs: checkpoints.everyMs,
    onResult: (results) => {
      for (const r of results) {
        if (r.ok && r.name) app.log.info({ chain: r.chain, seq: r.checkpoint.seq }, 'checkpoint signed');
        if (!r.ok) {
          app.log.error(
            { chain: r.chain, faultCount: r.faultCount, first: r.faults[0]?.message },
            'chain broken since its last checkpoint: not signed; run pledge ledger verify',
          );
        }
      }
    },
    onError: (error) =>
      app.log.error({ sink: checkpoints.sink.description, err: error }, 'could not write a checkpoint'),
  });
}
