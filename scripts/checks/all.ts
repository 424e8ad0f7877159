/**
 * The repository's own checks, run by `npm run check` after Biome, tsc and the build: package
 * shape, dependencies, engines, import cycles, public API reports. Each prints its findings;
 * any finding fails the run.
 */
await import('./packages.js');
await import('./dependencies.js');
await import('./engines.js');
await import('./cycles.js');
await import('./api.js');
