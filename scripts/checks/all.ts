/**
 * The repository's own checks, run by `npm run check` after Biome, tsc and the build: package
 * shape, dependencies, engines, import cycles, public API reports. Each runs when imported (in
 * this order) and prints its findings; any finding sets a failing exit code.
 */
import './packages.js';
import './dependencies.js';
import './engines.js';
import './cycles.js';
import './api.js';
