export {
  awaitsChoice,
  type ConsentChoice,
  type ConsentPageInput,
  consentField,
  renderConsentPage,
} from './consent.js';
export { renderCenterError } from './error-page.js';
export type { CenterKey } from './messages-en.js';
export { consentPurposes } from './offered.js';
export { type OverviewInput, renderCenterOverview } from './overview.js';
export { renderCenterPolicy } from './policy-page.js';
export {
  DETAILS_REQUIRED,
  type OfferedRight,
  type RequestFormInput,
  type RequestFormValues,
  type RequestsPageInput,
  renderDeleteAccount,
  renderRequestForm,
  renderRequestsPage,
} from './requests.js';
export { renderSignInPage, type SignInPageInput } from './sign-in.js';
export {
  type CenterRequestView,
  renderStatusPage,
  type StatusPageInput,
} from './status.js';
export { centerText } from './text.js';
export { CENTER_SECTIONS, type CenterNotice, type CenterPageInput, type CenterSection } from './types.js';
export { renderVerifyPage, type VerifyPageInput } from './verify.js';
