export { diffManifests, summariseChanges } from './diff-manifests';
export type { Change, ChangeCode, ChangeScope, ConsentFrom } from './types';
