import type { LintRule } from '../types';
import { automatedDecisionNoRight } from './automated-decision.no-right';
import { breachMissing } from './breach.missing';
import { breachNoAuthority } from './breach.no-authority';
import { breachNoChannel } from './breach.no-channel';
import { categoryUnused } from './category.unused';
import { ccpaNoOptOut } from './ccpa.no-opt-out';
import { consentWeakerThanLaw } from './consent.weaker-than-law';
import { contactPlaceholder } from './contact.placeholder';
import { controllerPlaceholder } from './controller.placeholder';
import { datasetNoIdentity } from './dataset.no-identity';
import { datasetUnknownReference } from './dataset.unknown-reference';
import { datasetUnmappedCategory } from './dataset.unmapped-category';
import { idDuplicate } from './id.duplicate';
import { marketingWithoutOptOut } from './marketing.without-opt-out';
import { minorsNoRule } from './minors.no-rule';
import { minorsThresholdBelowLaw } from './minors.threshold-below-law';
import { permissionCategoryOutsidePurposes } from './permission.category-outside-purposes';
import { permissionUndeclaredPurpose } from './permission.undeclared-purpose';
import { piplDisclosureWithoutSeparateConsent } from './pipl.disclosure-without-separate-consent';
import { piplSensitiveWithoutSeparateConsent } from './pipl.sensitive-without-separate-consent';
import { piplTransferWithoutMechanism } from './pipl.transfer-without-mechanism';
import { piplTransferWithoutSeparateConsent } from './pipl.transfer-without-separate-consent';
import { policyMissingDate } from './policy.missing-date';
import { purposeBasisContradictsConsent } from './purpose.basis-contradicts-consent';
import { purposeBasisNotValidInJurisdiction } from './purpose.basis-not-valid-in-jurisdiction';
import { purposeConsentBasisWithoutMode } from './purpose.consent-basis-without-mode';
import { purposeOptionalContractBasis } from './purpose.optional-contract-basis';
import { recipientCategoryOutsidePurposes } from './recipient.category-outside-purposes';
import { recipientContractMissing } from './recipient.contract-missing';
import { recipientInsecurePrivacyUrl } from './recipient.insecure-privacy-url';
import { recipientMissingPrivacyUrl } from './recipient.missing-privacy-url';
import { recipientNoCollectionContradiction } from './recipient.no-collection-contradiction';
import { recipientNoPurpose } from './recipient.no-purpose';
import { refUnknownCategory } from './ref.unknown-category';
import { refUnknownContact } from './ref.unknown-contact';
import { refUnknownLegalHold } from './ref.unknown-legal-hold';
import { refUnknownPurpose } from './ref.unknown-purpose';
import { refUnknownRecipient } from './ref.unknown-recipient';
import { retentionCessationUnstated } from './retention.cessation-unstated';
import { retentionMissingDuration } from './retention.missing-duration';
import { retentionUncoveredCategory } from './retention.uncovered-category';
import { retentionUnknownAnchor } from './retention.unknown-anchor';
import { rightsDeadlineLongerThanLaw } from './rights.deadline-longer-than-law';
import { rightsMissingDeadline } from './rights.missing-deadline';
import { rightsMissingStatutoryRight } from './rights.missing-statutory-right';
import { rightsNoChannel } from './rights.no-channel';
import { sdkUndeclaredCategory } from './sdk.undeclared-category';
import { signalsDntWithAdvertising } from './signals.dnt-with-advertising';
import { signalsGpcNotHonoured } from './signals.gpc-not-honoured';
import { taxonomyDeprecatedKey } from './taxonomy.deprecated-key';
import { taxonomyUnknownKey } from './taxonomy.unknown-key';
import { trackerAdvertisingEssential } from './tracker.advertising-essential';
import { trackerThirdPartyWithoutRecipient } from './tracker.third-party-without-recipient';
import { transferLocalisationConflict } from './transfer.localisation-conflict';
import { transferUnknownDestination } from './transfer.unknown-destination';

/** Every lint rule, in code order. */
export const rules: ReadonlyArray<LintRule> = [
  automatedDecisionNoRight,
  breachMissing,
  breachNoAuthority,
  breachNoChannel,
  categoryUnused,
  ccpaNoOptOut,
  consentWeakerThanLaw,
  contactPlaceholder,
  controllerPlaceholder,
  datasetNoIdentity,
  datasetUnknownReference,
  datasetUnmappedCategory,
  idDuplicate,
  marketingWithoutOptOut,
  minorsNoRule,
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
  taxonomyDeprecatedKey,
  taxonomyUnknownKey,
  trackerAdvertisingEssential,
  trackerThirdPartyWithoutRecipient,
  transferLocalisationConflict,
  transferUnknownDestination,
];
