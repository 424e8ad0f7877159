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
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ['default'],
  },
});
