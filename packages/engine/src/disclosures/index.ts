export {
  checkDisclosure,
  type DisclosureDecision,
  type DisclosureRequest,
} from './check-disclosure.js';
export {
  CONTRACT_UPLOAD_REFUSALS,
  type ContractUploadRefusal,
  type ContractUploadRefusalCode,
  checkContractDocument,
} from './contract-upload.js';
export { consentNamesRecipient, needsNamedConsent } from './named-consent.js';
export { DISCLOSURE_REFUSALS, type DisclosureRefusal, type DisclosureRefusalCode } from './refusals.js';
export {
  endRecipientEngagement,
  REGISTER_FLAGS,
  type RegisterEntry,
  type RegisterFlag,
  recipientsRegister,
} from './register.js';
export {
  type ContractRequirement,
  contractInForce,
  contractRequirements,
  type RequirementRule,
} from './requirements.js';
