export { buildRopa, type RopaOptions } from './build-ropa';
export { ropaToCsv, ropaToJson } from './to-csv';
export type {
  RopaCategory,
  RopaController,
  RopaErasure,
  RopaRecipient,
  RopaRecord,
  RopaTransfer,
} from './types';
