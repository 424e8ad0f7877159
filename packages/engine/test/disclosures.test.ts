import { readFileSync } from 'node:fs';
import { MAX_CONTRACT_BYTES, type Manifest, parseManifest } from '@pledge/core';
import { addContract, addInspection, listDeletionRequests, listDisclosures, type Store } from '@pledge/store';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backendKinds, freshStore } from '../../store/test/backends.js';
import {
  checkContractDocument,
  checkDisclosure,
  createEngine,
  type DisclosureRequest,
  type Engine,
  endRecipientEngagement,
  recipientsRegister,
} from '../src/index.js';

function example(name: string): Manifest {
  const url = new URL(`../../../examples/${name}/pledge.yaml`, import.meta.url);
  const loaded = parseManifest(readFileSync(url, 'utf8'), { file: `${name}/pledge.yaml` });
  if (!loaded.ok) throw new Error(`${name}: ${loaded.issues.map((issue) => issue.message).join('; ')}`);
  return loaded.manifest;
}

const ANTSENTRY = example('antsentry');
const SUBJECT = 'canary-miner@example.test';
const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n');
const CN = { jurisdiction: 'cn-pipl' as const };

const support: DisclosureRequest = {
  subject: SUBJECT,
  recipient: 'entrusted-processors',
  purpose: 'technical-support',
  categories: ['support-request'],
  facts: CN,
};
const partners: DisclosureRequest = {
  subject: SUBJECT,
  recipient: 'business-partners',
  purpose: 'miner-monitoring',
  categories: ['mining-machine'],
  facts: CN,
};

function codes(decision: Awaited<ReturnType<typeof checkDisclosure>>): string[] {
  return decision.allowed ? [] : decision.refusals.map((r) => r.code);
}

describe.each(backendKinds)('disclosures on %s', (kind) => {
  let store: Store;
  let engine: Engine;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    ({ store, cleanup } = await freshStore(kind));
    engine = await createEngine({ store, manifest: ANTSENTRY, subjectKey: 'disclosure-test-key-0123456789' });
  });
  afterEach(async () => {
    await cleanup();
  });

  const file = (recipient: string, kind: string, signedOn = '2026-01-01', expiresOn?: string) =>
    addContract(store.db, {
      recipient,
      kind,
      signedOn,
      ...(expiresOn ? { expiresOn } : {}),
      mediaType: 'application/pdf',
      document: PDF,
      recordedBy: 'key_test',
    });
  const consent = (purpose: string, mode: 'opt-in' | 'separate') =>
    engine.record(SUBJECT, [
      {
        type: 'consent-given',
        purposes: [purpose],
        consentMode: mode,
        jurisdiction: 'cn-pipl',
        method: 'form',
        source: 'app',
        actor: 'subject',
      },
    ]);

  it('P0-19: no personal data goes to a processor without a confidentiality or processing agreement on file', async () => {
    await consent('technical-support', 'opt-in');
    // The manifest says dpa and nda are on file; the register goes by what is actually filed.
    expect(codes(await checkDisclosure(engine, support, 'key_test'))).toEqual([
      'disclosure.contract-missing',
      'disclosure.contract-missing',
    ]);
    await file('entrusted-processors', 'dpa');
    expect(codes(await checkDisclosure(engine, support, 'key_test'))).toEqual([
      'disclosure.contract-missing',
    ]);
    await file('entrusted-processors', 'nda', '2020-01-01', '2021-01-01');
    expect(codes(await checkDisclosure(engine, support, 'key_test'))).toEqual([
      'disclosure.contract-expired',
    ]);
    await file('entrusted-processors', 'nda');
    expect(await checkDisclosure(engine, support, 'key_test')).toMatchObject({
      allowed: true,
      basis: 'consent',
    });
  });

  it('P0-23: no personal data goes to an affiliate or partner without an NDA or data-protection contract', async () => {
    await consent('miner-monitoring', 'separate');
    const refused = await checkDisclosure(engine, partners, 'key_test');
    expect(refused).toMatchObject({
      allowed: false,
      refusals: [{ code: 'disclosure.contract-missing', path: 'recipient' }],
    });
    await file('business-partners', 'nda');
    expect(await checkDisclosure(engine, partners, 'key_test')).toMatchObject({ allowed: true });
    // An affiliate with no contract kind of its own in the manifest still needs one (P0-23).
    const affiliate = structuredClone(ANTSENTRY);
    affiliate.policy.version = '2022-01-21';
    const entry = affiliate.recipients.find((r) => r.id === 'affiliates')!;
    entry.contracts = { required: [], onFile: [] };
    entry.purposes = ['miner-monitoring'];
    entry.categories = ['mining-machine'];
    await engine.publish(affiliate);
    await consent('miner-monitoring', 'separate');
    const toAffiliate = { ...partners, recipient: 'affiliates' };
    const missing = await checkDisclosure(engine, toAffiliate, 'key_test');
    expect(missing.allowed ? '' : missing.refusals[0]!.message).toContain('rule P0-23');
    await file('affiliates', 'dpa');
    expect(await checkDisclosure(engine, toAffiliate, 'key_test')).toMatchObject({ allowed: true });
  });

  it('PIPL: provision to another handler needs a separate consent given to a notice naming the recipient', async () => {
    await file('business-partners', 'nda');
    await consent('miner-monitoring', 'opt-in');
    expect(codes(await checkDisclosure(engine, partners, 'key_test'))).toEqual([
      'disclosure.separate-consent-required',
    ]);
    // A separate consent given while the notice did not name business partners for the purpose.
    const before = structuredClone(ANTSENTRY);
    before.policy.version = '2021-12-01';
    before.recipients.find((r) => r.id === 'business-partners')!.purposes = ['technical-support'];
    await engine.publish(before);
    await consent('miner-monitoring', 'separate');
    await engine.publish(ANTSENTRY);
    expect(codes(await checkDisclosure(engine, partners, 'key_test'))).toEqual([
      'disclosure.consent-does-not-name-recipient',
    ]);
    await consent('miner-monitoring', 'separate');
    expect(await checkDisclosure(engine, partners, 'key_test')).toMatchObject({ allowed: true });
    // Withdrawal ends it.
    await engine.record(SUBJECT, [
      {
        type: 'consent-withdrawn',
        purposes: ['miner-monitoring'],
        method: 'form',
        source: 'app',
        actor: 'subject',
      },
    ]);
    expect(codes(await checkDisclosure(engine, partners, 'key_test'))).toEqual([
      'disclosure.consent-refused',
    ]);
  });

  it('refuses a purpose or category not declared for the recipient, and an unknown recipient', async () => {
    await file('business-partners', 'nda');
    await consent('miner-monitoring', 'separate');
    const refused = await checkDisclosure(
      engine,
      { ...partners, purpose: 'advertising', categories: ['mining-machine', 'precise-location'] },
      'key_test',
    );
    expect(refused.allowed ? [] : refused.refusals.map((r) => [r.code, r.path])).toEqual(
      expect.arrayContaining([
        ['disclosure.purpose-not-declared', 'purpose'],
        ['disclosure.category-not-declared', 'categories.1'],
      ]),
    );
    expect(codes(await checkDisclosure(engine, { ...partners, recipient: 'nobody' }, 'key_test'))).toEqual([
      'disclosure.recipient-unknown',
    ]);
  });

  it('a disclosure compelled by law is allowed without consent and recorded with its legal reference', async () => {
    const decision = await checkDisclosure(
      engine,
      {
        subject: SUBJECT,
        recipient: 'authorities',
        purpose: 'legal-compliance',
        categories: ['account-id'],
        basis: 'legal-obligation',
        legalReference: 'PIPL Art. 13(3); order 2026-117',
      },
      'key_officer',
    );
    expect(decision).toMatchObject({ allowed: true, basis: 'legal-obligation' });
    const [logged] = await listDisclosures(store.db, { recipient: 'authorities' });
    expect(logged).toMatchObject({
      basis: 'legal-obligation',
      legalReference: 'PIPL Art. 13(3); order 2026-117',
      allowed: true,
      actor: 'key_officer',
      subjectHash: engine.subjectHash(SUBJECT),
    });
  });

  it('every decision, allowed or refused, is logged with the subject hash and never the identifier', async () => {
    await consent('technical-support', 'opt-in');
    await checkDisclosure(engine, support, 'key_test');
    await file('entrusted-processors', 'dpa');
    await file('entrusted-processors', 'nda');
    await checkDisclosure(engine, support, 'key_test');
    const log = await listDisclosures(store.db, { recipient: 'entrusted-processors' });
    expect(log.map((d) => [d.allowed, d.codes])).toEqual([
      [true, []],
      [false, ['disclosure.contract-missing', 'disclosure.contract-missing']],
    ]);
    const dump = await sql<{ t: string }>`SELECT row_to_json(d)::text AS t FROM pledge_disclosures d`.execute(
      store.db,
    );
    expect(dump.rows.map((r) => r.t).join('\n')).not.toContain(SUBJECT);
  });

  it('P0-21: ending an engagement records its date, queues one deletion request and stops disclosures', async () => {
    await file('entrusted-processors', 'dpa');
    await file('entrusted-processors', 'nda');
    await consent('technical-support', 'opt-in');
    const ended = await endRecipientEngagement(engine, 'entrusted-processors', '2026-03-01');
    expect(ended).toMatchObject({
      ok: true,
      request: { recipient: 'entrusted-processors', engagementEndedOn: '2026-03-01', status: 'pending' },
    });
    await endRecipientEngagement(engine, 'entrusted-processors', '2026-03-01');
    expect(await listDeletionRequests(store.db, 'pending')).toHaveLength(1);
    const after = await checkDisclosure(engine, support, 'key_test', new Date('2026-03-02T00:00:00Z'));
    expect(codes(after)).toEqual(['disclosure.engagement-ended']);
    expect(await endRecipientEngagement(engine, 'nobody', '2026-03-01')).toMatchObject({ ok: false });
  });

  it('P0-28: the register flags partners and processors receiving data without a logged audit or appraisal', async () => {
    const flagsOf = async (id: string) =>
      (await recipientsRegister(engine)).find((e) => e.recipient.id === id)!.flags;
    expect(await flagsOf('business-partners')).toEqual(['contract-missing', 'audit-missing']);
    await file('business-partners', 'nda');
    await addInspection(store.db, {
      recipient: 'business-partners',
      kind: 'appraisal',
      outcome: 'passed',
      performedOn: '2026-02-01',
      recordedBy: 'key_test',
    });
    expect(await flagsOf('business-partners')).toEqual([]);
    expect(await flagsOf('authorities')).toEqual([]);
  });

  it('P1-24: each SDK needs a logged security inspection and an agreed data-protection term', async () => {
    const entry = async () =>
      (await recipientsRegister(engine)).find((e) => e.recipient.id === 'google-analytics')!;
    expect((await entry()).flags).toEqual(['contract-missing', 'security-inspection-missing']);
    const request = {
      ...support,
      recipient: 'google-analytics',
      purpose: 'browse-website',
      categories: ['ip-address'],
    };
    expect(codes(await checkDisclosure(engine, request, 'key_test'))).toEqual(
      expect.arrayContaining(['disclosure.contract-missing', 'disclosure.inspection-missing']),
    );
    await file('google-analytics', 'dpa');
    await file('google-analytics', 'scc');
    await addInspection(store.db, {
      recipient: 'google-analytics',
      kind: 'security-inspection',
      outcome: 'failed',
      performedOn: '2026-02-01',
      recordedBy: 'key_test',
    });
    expect((await entry()).flags).toEqual(['security-inspection-missing']);
    await addInspection(store.db, {
      recipient: 'google-analytics',
      kind: 'security-inspection',
      outcome: 'passed',
      performedOn: '2026-02-02',
      recordedBy: 'key_test',
    });
    const done = await entry();
    expect(done.flags).toEqual([]);
    expect(done.requirements.every((r) => r.satisfied)).toBe(true);
    const refused = await checkDisclosure(engine, request, 'key_test');
    expect(codes(refused)).not.toContain('disclosure.inspection-missing');
    expect(codes(refused)).not.toContain('disclosure.contract-missing');
  });
});

describe('contract documents', () => {
  it('accepts a PDF and plain text, and refuses a fake PDF, an oversize file and other types by field', () => {
    expect(checkContractDocument('application/pdf', PDF)).toEqual({ ok: true, mediaType: 'application/pdf' });
    expect(checkContractDocument('text/plain; charset=utf-8', new TextEncoder().encode('NDA'))).toMatchObject(
      {
        ok: true,
        mediaType: 'text/plain',
      },
    );
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]);
    expect(checkContractDocument('application/pdf', zip)).toMatchObject({
      ok: false,
      code: 'contract.document-not-pdf',
      path: 'document',
      status: 400,
    });
    const big = new Uint8Array(MAX_CONTRACT_BYTES + 1);
    big.set(PDF);
    expect(checkContractDocument('application/pdf', big)).toMatchObject({
      code: 'contract.document-too-large',
      status: 413,
    });
    expect(checkContractDocument('image/png', PDF)).toMatchObject({
      code: 'contract.media-type-unsupported',
      path: 'mediaType',
      status: 415,
    });
    expect(checkContractDocument('text/plain', new Uint8Array([0x41, 0, 0x42]))).toMatchObject({
      code: 'contract.document-not-text',
    });
    expect(checkContractDocument('application/pdf', new Uint8Array())).toMatchObject({
      code: 'contract.document-empty',
    });
  });
});
