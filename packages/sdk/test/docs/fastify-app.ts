import { type Pledge, pledgeFastify } from '@pledge/sdk';
import Fastify, { type FastifyInstance } from 'fastify';

export async function buildFastifyApp(pledge: Pledge): Promise<FastifyInstance> {
  const app = Fastify();
  await app.register(
    pledgeFastify(pledge, {
      // Your user id (from your session or auth plugin); undefined for anonymous visitors.
      subject: (request) => request.headers['x-user-id'] as string | undefined,
      jurisdiction: (request) => (request.headers['x-region'] === 'CA' ? 'us-ca-ccpa' : 'eu-gdpr'),
    }),
  );
  app.get('/ads', async (request) => {
    // Sec-GPC: 1 and DNT: 1 count as facts here, and are recorded once per user.
    const decision = request.pledge.decide('ads', ['browsing']);
    return { targeted: decision.allowed, reasons: decision.reasons };
  });
  return app;
}
