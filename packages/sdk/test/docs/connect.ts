import { createPledge, type Pledge } from '@pledge/sdk';

/** One instance per process: it holds the compiled policy and the consent cache. */
export function connect(): Promise<Pledge> {
  return createPledge({
    baseUrl: process.env.PLEDGE_URL ?? 'http://127.0.0.1:4400',
    apiKey: process.env.PLEDGE_API_KEY,
    // The server's PostgreSQL: updates arrive by LISTEN/NOTIFY. Without it: polling every second.
    databaseUrl: process.env.PLEDGE_DATABASE_URL,
  });
}
