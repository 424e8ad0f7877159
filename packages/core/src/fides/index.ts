export { fidesDatasetToPledge } from './import-datasets';
export type { DatastoreKind, FidesImportOptions, FidesImportResult } from './types';
