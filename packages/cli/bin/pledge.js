#!/usr/bin/env node
// Runs the built CLI (dist/, made by `npm run build`) with plain Node.
import { main } from '../dist/main.js';

process.exitCode = await main(process.argv);
