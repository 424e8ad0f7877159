export { fidesDatasetToPledge } from './import-datasets.js';
export type { DatastoreKind, FidesImportOptions, FidesImportResult } from './types.js';
