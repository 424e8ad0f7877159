import type { Language, Manifest } from '@pledge/core';
import { createRenderContext } from '../context.js';
import { breachSection } from '../sections/breach.js';
import { changesSection, versionFields } from '../sections/changes.js';
import { childrenSection } from '../sections/children.js';
import { collectionSection } from '../sections/collection.js';
import { complaintsSection } from '../sections/complaints.js';
import { contactSection } from '../sections/contact.js';
import { cookiesSection } from '../sections/cookies.js';
import { brazilSection } from '../sections/jurisdictions/brazil.js';
import { californiaSection } from '../sections/jurisdictions/california.js';
import { chinaSection } from '../sections/jurisdictions/china.js';
import { eeaSection } from '../sections/jurisdictions/eea.js';
import { indiaSection } from '../sections/jurisdictions/india.js';
import { usStatesSection } from '../sections/jurisdictions/us-states.js';
import { permissionsSection } from '../sections/permissions.js';
import { purposesSection } from '../sections/purposes.js';
import { retentionSection } from '../sections/retention.js';
import { rightsSection } from '../sections/rights.js';
import { securitySection } from '../sections/security.js';
import { sharingSection } from '../sections/sharing.js';
import { transfersSection } from '../sections/transfers.js';
import type { PolicyDocument, Section } from './types.js';

/**
 * Builds the format-neutral document of a policy in one language: every section in
 * a fixed order, each from the manifest alone (pure and deterministic).
 */
export function buildPolicyDocument(manifest: Manifest, lang: Language): PolicyDocument {
  const ctx = createRenderContext(manifest, lang);
  const sections = [
    contactSection(ctx),
    collectionSection(ctx),
    purposesSection(ctx),
    sharingSection(ctx),
    cookiesSection(ctx),
    permissionsSection(ctx),
    retentionSection(ctx),
    transfersSection(ctx),
    rightsSection(ctx),
    childrenSection(ctx),
    securitySection(ctx),
    breachSection(ctx),
    changesSection(ctx),
    complaintsSection(ctx),
    eeaSection(ctx),
    californiaSection(ctx),
    chinaSection(ctx),
    usStatesSection(ctx),
    brazilSection(ctx),
    indiaSection(ctx),
  ].filter((s): s is Section => s !== undefined);
  return {
    lang,
    title: ctx.text(manifest.policy.title) || manifest.policy.id,
    meta: versionFields(ctx),
    contentsTitle: ctx.t('doc.contents'),
    labelSeparator: ctx.t('common.colon'),
    sections,
  };
}
