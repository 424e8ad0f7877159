// A worker process for the kill-and-resume test: it runs until it is killed.
import { migrateToLatest, openStore } from '@pledge/store';
import { openDsrQueue } from '../src/index.js';

const store = await openStore({ url: process.env.PLEDGE_DATABASE_URL as string, poolSize: 3 });
await migrateToLatest(store.db);
const queue = await openDsrQueue(store);
await queue.work({ pollingIntervalSeconds: 0.5, staleAfterMs: 1000 });
process.stdout.write('worker ready\n');
setInterval(() => {}, 1 << 30);
