import type { LintRule } from '../types.js';
import { automatedDecisionNoRight } from './automated-decision.no-right.js';
import { breachMissing } from './breach.missing.js';
import { breachNoAuthority } from './breach.no-authority.js';
import { breachNoChannel } from './breach.no-channel.js';
import { calendarProvisionalYear } from './calendar.provisional-year.js';
import { categoryUnused } from './category.unused.js';
import { ccpaNoOptOut } from './ccpa.no-opt-out.js';
import { consentWeakerThanLaw } from './consent.weaker-than-law.js';
import { contactPlaceholder } from './contact.placeholder.js';
import { controllerPlaceholder } from './controller.placeholder.js';
import { datasetIdentityMatchUnstated } from './dataset.identity-match-unstated.js';
import { datasetNoIdentity } from './dataset.no-identity.js';
import { datasetUnknownReference } from './dataset.unknown-reference.js';
import { datasetUnmappedCategory } from './dataset.unmapped-category.js';
import { defaultRuntimeBehaviour } from './default.runtime-behaviour.js';
import { idDuplicate } from './id.duplicate.js';
import { marketingWithoutOptOut } from './marketing.without-opt-out.js';
import { minorsCoppaDisclosure } from './minors.coppa-disclosure.js';
import { minorsNoRule } from './minors.no-rule.js';
import { minorsSaleBarredWithoutAge } from './minors.sale-barred-without-age.js';
import { minorsThresholdBelowLaw } from './minors.threshold-below-law.js';
import { permissionCategoryOutsidePurposes } from './permission.category-outside-purposes.js';
import { permissionUndeclaredPurpose } from './permission.undeclared-purpose.js';
import { piplDisclosureWithoutSeparateConsent } from './pipl.disclosure-without-separate-consent.js';
import { piplSensitiveWithoutSeparateConsent } from './pipl.sensitive-without-separate-consent.js';
import { piplTransferWithoutMechanism } from './pipl.transfer-without-mechanism.js';
import { piplTransferWithoutSeparateConsent } from './pipl.transfer-without-separate-consent.js';
import { policyMissingDate } from './policy.missing-date.js';
import { purposeBasisContradictsConsent } from './purpose.basis-contradicts-consent.js';
import { purposeBasisNotValidInJurisdiction } from './purpose.basis-not-valid-in-jurisdiction.js';
import { purposeConsentBasisWithoutMode } from './purpose.consent-basis-without-mode.js';
import { purposeOptionalContractBasis } from './purpose.optional-contract-basis.js';
import { recipientCategoryOutsidePurposes } from './recipient.category-outside-purposes.js';
import { recipientContractMissing } from './recipient.contract-missing.js';
import { recipientInsecurePrivacyUrl } from './recipient.insecure-privacy-url.js';
import { recipientMissingPrivacyUrl } from './recipient.missing-privacy-url.js';
import { recipientNoCollectionContradiction } from './recipient.no-collection-contradiction.js';
import { recipientNoPurpose } from './recipient.no-purpose.js';
import { refUnknownCategory } from './ref.unknown-category.js';
import { refUnknownContact } from './ref.unknown-contact.js';
import { refUnknownLegalHold } from './ref.unknown-legal-hold.js';
import { refUnknownPurpose } from './ref.unknown-purpose.js';
import { refUnknownRecipient } from './ref.unknown-recipient.js';
import { retentionCessationUnstated } from './retention.cessation-unstated.js';
import { retentionMissingDuration } from './retention.missing-duration.js';
import { retentionUncoveredCategory } from './retention.uncovered-category.js';
import { retentionUnknownAnchor } from './retention.unknown-anchor.js';
import { rightsDeadlineLongerThanLaw } from './rights.deadline-longer-than-law.js';
import { rightsMissingDeadline } from './rights.missing-deadline.js';
import { rightsMissingStatutoryRight } from './rights.missing-statutory-right.js';
import { rightsNoChannel } from './rights.no-channel.js';
import { sdkUndeclaredCategory } from './sdk.undeclared-category.js';
import { signalsDntWithAdvertising } from './signals.dnt-with-advertising.js';
import { signalsGpcNotHonoured } from './signals.gpc-not-honoured.js';
import { signalsOptOutStatusDisplay } from './signals.opt-out-status-display.js';
import { taxonomyDeprecatedKey } from './taxonomy.deprecated-key.js';
import { taxonomyUnknownKey } from './taxonomy.unknown-key.js';
import { trackerAdvertisingEssential } from './tracker.advertising-essential.js';
import { trackerThirdPartyWithoutRecipient } from './tracker.third-party-without-recipient.js';
import { transferLocalisationConflict } from './transfer.localisation-conflict.js';
import { transferUnknownDestination } from './transfer.unknown-destination.js';

/** Every lint rule, in code order. */
export const rules: ReadonlyArray<LintRule> = [
  automatedDecisionNoRight,
  breachMissing,
  breachNoAuthority,
  breachNoChannel,
  calendarProvisionalYear,
  categoryUnused,
  ccpaNoOptOut,
  consentWeakerThanLaw,
  contactPlaceholder,
  controllerPlaceholder,
  datasetIdentityMatchUnstated,
  datasetNoIdentity,
  datasetUnknownReference,
  datasetUnmappedCategory,
  defaultRuntimeBehaviour,
  idDuplicate,
  marketingWithoutOptOut,
  minorsCoppaDisclosure,
  minorsNoRule,
  minorsSaleBarredWithoutAge,
  minorsThresholdBelowLaw,
  permissionCategoryOutsidePurposes,
  permissionUndeclaredPurpose,
  piplDisclosureWithoutSeparateConsent,
  piplSensitiveWithoutSeparateConsent,
  piplTransferWithoutMechanism,
  piplTransferWithoutSeparateConsent,
  policyMissingDate,
  purposeBasisContradictsConsent,
  purposeBasisNotValidInJurisdiction,
  purposeConsentBasisWithoutMode,
  purposeOptionalContractBasis,
  recipientCategoryOutsidePurposes,
  recipientContractMissing,
  recipientInsecurePrivacyUrl,
  recipientMissingPrivacyUrl,
  recipientNoCollectionContradiction,
  recipientNoPurpose,
  refUnknownCategory,
  refUnknownContact,
  refUnknownLegalHold,
  refUnknownPurpose,
  refUnknownRecipient,
  retentionCessationUnstated,
  retentionMissingDuration,
  retentionUncoveredCategory,
  retentionUnknownAnchor,
  rightsDeadlineLongerThanLaw,
  rightsMissingDeadline,
  rightsMissingStatutoryRight,
  rightsNoChannel,
  sdkUndeclaredCategory,
  signalsDntWithAdvertising,
  signalsGpcNotHonoured,
  signalsOptOutStatusDisplay,
  taxonomyDeprecatedKey,
  taxonomyUnknownKey,
  trackerAdvertisingEssential,
  trackerThirdPartyWithoutRecipient,
  transferLocalisationConflict,
  transferUnknownDestination,
];
