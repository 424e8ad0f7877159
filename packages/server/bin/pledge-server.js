#!/usr/bin/env node
// Starts the built Pledge server (dist/, made by `npm run build`) with plain Node.
import { startFromEnv } from '../dist/start.js';

await startFromEnv();
