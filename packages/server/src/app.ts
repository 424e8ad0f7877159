import type { Manifest } from '@pledge/core';
import Fastify, { type FastifyInstance } from 'fastify';
import { createContext } from './context';
import { installErrorHandlers } from './errors';
import { type LogOptions, loggerOptions } from './logging';
import { registerHealthRoutes } from './routes/health';
import { registerHomeRoutes } from './routes/home';
import { registerLintRoutes } from './routes/lint';
import { registerPolicyRoutes } from './routes/policy';
import { installSecurityHeaders } from './security-headers';

/** Options for {@link buildServer}. */
export interface ServerOptions {
  /** The validated manifest to serve. */
  manifest: Manifest;
  /** Where it came from, shown on the lint report. Default `pledge.yaml`. */
  source?: string;
  /** Logging; `false` for none. Default: info level to stdout. */
  logger?: LogOptions | false;
}

/**
 * Builds the Pledge HTTP app (not listening): `/` (the policy with a language switch),
 * `/policy`, `/lint`, `/lint.json` and `/healthz`. Bad query values get a 400 naming the
 * parameter; logs carry no personal data and redact credentials.
 *
 * @example
 * const app = await buildServer({ manifest, logger: false });
 * const res = await app.inject({ url: '/policy?lang=zh-CN&format=md' });
 */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: loggerOptions(options.logger ?? {}) });
  installErrorHandlers(app);
  installSecurityHeaders(app);
  const ctx = createContext(options.manifest, options.source ?? 'pledge.yaml');
  registerHomeRoutes(app, ctx);
  registerPolicyRoutes(app, ctx);
  registerLintRoutes(app, ctx);
  registerHealthRoutes(app, ctx);
  await app.ready();
  return app;
}
