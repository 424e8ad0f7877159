import type { ManifestInput } from '@pledge/core';

const deadline = { amount: 15, unit: 'days' } as const;
const channels = ['privacy-email'];

/**
 * A small, valid manifest that no lint rule reports: the base every rule example patches.
 * It grants every right any supported law grants, everywhere, so an example can switch
 * jurisdictions without tripping unrelated rules.
 */
export const baseManifest: ManifestInput = {
  pledge: 1,
  policy: {
    id: 'acme-shop',
    title: 'Acme Shop privacy policy',
    version: '1.0.0',
    lastUpdated: '2025-01-15',
    jurisdictions: ['eu-gdpr'],
  },
  controller: {
    name: 'Acme Shop Ltd',
    country: 'IE',
    contacts: [
      {
        id: 'privacy-email',
        kind: 'email',
        value: 'privacy@acme-shop.eu',
        uses: ['general', 'rights', 'privacy-officer', 'complaints', 'marketing-opt-out'],
      },
    ],
  },
  categories: [
    {
      id: 'email',
      taxonomy: 'user.contact.email',
      name: 'E-mail address',
      source: 'voluntary',
      required: true,
    },
    { id: 'usage', taxonomy: 'user.behavior.browsing_history', name: 'Pages visited', source: 'automatic' },
  ],
  purposes: [
    {
      id: 'service',
      taxonomy: 'essential.service',
      name: 'Run the shop account',
      categories: ['email', 'usage'],
      legalBasis: 'contract',
      consent: 'none',
    },
    {
      id: 'analytics',
      taxonomy: 'analytics.reporting',
      name: 'Site statistics',
      categories: ['usage'],
      legalBasis: 'consent',
      consent: 'opt-in',
      optional: true,
    },
  ],
  recipients: [
    {
      id: 'hosting',
      name: 'Hosting provider',
      kind: 'processor',
      country: 'IE',
      categories: ['email', 'usage'],
      purposes: ['service', 'analytics'],
      contracts: { required: ['dpa'], onFile: ['dpa'] },
    },
  ],
  signals: { doNotTrack: false, globalPrivacyControl: true },
  trackers: [
    {
      id: 'session',
      name: 'Session cookie',
      kind: 'cookie',
      party: 'first',
      purposes: ['service'],
      essential: true,
      expiry: 'session',
    },
  ],
  retention: {
    rules: [
      {
        id: 'account',
        categories: ['email'],
        duration: { amount: 1, unit: 'years' },
        anchor: 'account-closed',
      },
      {
        id: 'usage-logs',
        categories: ['usage'],
        duration: { amount: 13, unit: 'months' },
        anchor: 'collected',
        action: 'anonymise',
      },
    ],
    onCessation: 'delete',
  },
  identities: { email: { match: 'casefold' } },
  datasets: [
    {
      id: 'shop',
      datastore: { kind: 'postgres', connection: 'SHOP_DATABASE_URL' },
      collections: [
        {
          name: 'users',
          primaryKey: 'id',
          erasure: 'delete-row',
          fields: [
            { name: 'id', identity: 'user-id' },
            { name: 'email', categories: ['email'], identity: 'email' },
          ],
        },
        {
          name: 'page_views',
          fields: [
            { name: 'user_id', references: 'shop.users.id' },
            { name: 'path', categories: ['usage'] },
            { name: 'viewed_at', categories: ['usage'] },
          ],
          erasure: 'delete-row',
        },
      ],
    },
  ],
  rights: [
    { right: 'access', channels, deadline },
    { right: 'know', channels, deadline },
    { right: 'rectification', channels, deadline },
    { right: 'erasure', channels, deadline },
    { right: 'restriction', channels, deadline },
    { right: 'portability', channels, deadline },
    { right: 'objection', channels, deadline },
    { right: 'automated-decision', channels, deadline },
    { right: 'explanation', channels, deadline },
    { right: 'opt-out-sale', channels, deadline },
    { right: 'limit-sensitive', channels, deadline },
    { right: 'withdraw-consent', channels },
    { right: 'complaint', channels },
  ],
  minors: { rules: [{ below: 16, rule: 'guardian-consent' }], onDiscovery: 'delete' },
  transfers: { storage: ['IE'] },
  breach: {
    channels: ['email'],
    contents: ['nature', 'categories', 'likely-consequences', 'measures-taken', 'contact-point'],
  },
};
