export { identityIssues, keyBuiltKinds } from './check-identity.js';
export { type IdentityWhere, identityWhere } from './match-of.js';
