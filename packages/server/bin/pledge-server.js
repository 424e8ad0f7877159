#!/usr/bin/env node
// Starts the Pledge server from TypeScript sources through tsx (no build step).
import { register } from 'tsx/esm/api';

register();
const { startFromEnv } = await import('../src/start.ts');
await startFromEnv();
