export { addContract, listContracts, readContractDocument } from './contracts.js';
export { type DisclosureFilter, listDisclosures, logDisclosure } from './disclosures.js';
export {
  endEngagement,
  listDeletionRequests,
  listEngagements,
  setDeletionRequestStatus,
  startEngagement,
} from './engagements.js';
export { addInspection, listInspections } from './inspections.js';
export type { RegisterTables } from './tables.js';
export type {
  ContractInput,
  ContractRecord,
  DeletionRequestRecord,
  DisclosureInput,
  DisclosureRecord,
  EngagementRecord,
  InspectionRecord,
} from './types.js';
