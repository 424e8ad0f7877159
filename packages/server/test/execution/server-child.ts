// A server process for the kill test: starts from the environment and prints its port.
import { startServer } from '../../src/start.js';

const started = await startServer({ logger: false, handleSignals: false, stderr: () => {} });
if (!started.ok) process.exit(started.exitCode);
const address = started.app.server.address();
if (address && typeof address !== 'string') process.stdout.write(`listening ${address.port}\n`);
