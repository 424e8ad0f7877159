import type { Language } from '../../manifest/schema/common';
import type { Manifest } from '../../manifest/schema/index';
import { createRenderContext } from '../context';
import { breachSection } from '../sections/breach';
import { changesSection, versionFields } from '../sections/changes';
import { childrenSection } from '../sections/children';
import { collectionSection } from '../sections/collection';
import { complaintsSection } from '../sections/complaints';
import { contactSection } from '../sections/contact';
import { cookiesSection } from '../sections/cookies';
import { californiaSection } from '../sections/jurisdictions/california';
import { chinaSection } from '../sections/jurisdictions/china';
import { eeaSection } from '../sections/jurisdictions/eea';
import { permissionsSection } from '../sections/permissions';
import { purposesSection } from '../sections/purposes';
import { retentionSection } from '../sections/retention';
import { rightsSection } from '../sections/rights';
import { securitySection } from '../sections/security';
import { sharingSection } from '../sections/sharing';
import { transfersSection } from '../sections/transfers';
import type { PolicyDocument, Section } from './types';

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
