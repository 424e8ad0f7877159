import { availableParallelism } from 'node:os';
import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

/** Tests import every @pledge/* package from its TypeScript source, not from dist/. */
const conditions = ['@pledge/source', ...defaultServerConditions];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    include: [
      'packages/*/test/**/*.test.ts',
      'examples/**/*.test.ts',
      'bench/**/*.test.ts',
      'e2e/**/*.test.ts',
    ],
    // Builds dist/ first (a no-op when it is current): tests spawn the bins, which run the build.
    globalSetup: ['./scripts/vitest-build.ts'],
    // Vitest's default on a 2-core machine is one worker, so every file ran after the other; most
    // files spend much of their time waiting on a database, a server, a child process or a browser,
    // so one worker more than there are cores keeps both cores busy.
    maxWorkers: Math.max(3, availableParallelism() + 1),
    minWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ['default'],
  },
});
