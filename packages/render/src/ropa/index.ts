export { buildRopa, type RopaOptions } from './build-ropa.js';
export { ropaToCsv, ropaToJson } from './to-csv.js';
export type {
  RopaCategory,
  RopaController,
  RopaErasure,
  RopaRecipient,
  RopaRecord,
  RopaTransfer,
} from './types.js';
