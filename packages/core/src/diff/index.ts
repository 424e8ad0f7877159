export { isConsentBased, PRIOR_CONSENT } from './consent.js';
export { diffManifests, summariseChanges } from './diff-manifests.js';
export { formatDuration } from './duration.js';
export {
  type Change,
  type ChangeCode,
  type ChangeScope,
  type ConsentFrom,
  DETAIL_CHANGE_CODES,
  type DetailChangeCode,
  isDetailChange,
} from './types.js';
