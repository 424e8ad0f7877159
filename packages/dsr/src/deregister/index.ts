export {
  completeDeregistration,
  DEREGISTRATION_REFUSALS,
  type DeregisterOptions,
  type DeregistrationContext,
  type DeregistrationOutcome,
  type DeregistrationRefusal,
  deregister,
} from './deregister.js';
