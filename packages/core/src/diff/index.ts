export { diffManifests, summariseChanges } from './diff-manifests.js';
export { formatDuration } from './duration.js';
export type { Change, ChangeCode, ChangeScope, ConsentFrom } from './types.js';
