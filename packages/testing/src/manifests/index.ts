export { baseInput, baseYaml, edited, toManifest } from './base-manifest.js';
export { exampleManifests, REPO_ROOT } from './examples.js';
