export {
  IDENTITY_VALUE_MAX,
  type IdentityValueProblem,
  type IdentityValueUse,
  identityProblemMessage,
  identityValueProblem,
} from './check-value.js';
export { normaliseIdentity } from './normalise.js';
export { matchRuleOf } from './rule-of.js';
