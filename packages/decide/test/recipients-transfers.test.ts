import { describe, expect, it } from 'vitest';
import { ask, ev } from './helpers.js';

const accepted = ev('policy-accepted', 1);
const newsletter = ev('consent-given', 1, { purposes: ['newsletter'] });
const separateAccount = ev('consent-given', 2, { purposes: ['account'], mode: 'separate' });

describe('decide: recipients', () => {
  it('a declared disclosure is allowed with a disclosure record and the transfer it uses', () => {
    const decision = ask('newsletter', ['email'], [newsletter], { in: 'eu-gdpr', recipient: 'mailer' });
    expect(decision.allowed).toBe(true);
    expect(decision.obligations).toEqual([
      { kind: 'record-disclosure', recipient: 'mailer' },
      { kind: 'record-transfer', transfer: 'mailer-us', country: 'US' },
    ]);
  });

  it('a recipient without a required contract on file is denied', () => {
    expect(ask('ads', ['device-id'], [], { in: 'us-ca-ccpa', recipient: 'adnet' }).reasons).toEqual([
      'deny.recipient-contract-missing',
    ]);
  });

  it('a recipient gets only the purposes and categories declared for it', () => {
    expect(ask('newsletter', ['email'], [newsletter], { recipient: 'stats', in: 'eu-gdpr' }).reasons).toEqual(
      ['deny.recipient-purpose-not-declared', 'deny.recipient-category-not-declared'],
    );
    expect(ask('nope', [], [], { recipient: 'mailer' }).reasons).toEqual(['deny.unknown-purpose']);
    expect(ask('newsletter', ['email'], [newsletter], { recipient: 'nobody' }).reasons).toEqual([
      'deny.recipient-not-declared',
    ]);
  });

  it('a recipient that needs consent needs it even when the purpose does not', () => {
    expect(ask('analytics', ['device-id'], [], { in: 'us-ca-ccpa', recipient: 'stats' }).reasons).toEqual([
      'deny.recipient-consent-required',
    ]);
    const consent = [ev('consent-given', 1, { purposes: ['analytics'] })];
    expect(ask('analytics', ['device-id'], consent, { in: 'us-ca-ccpa', recipient: 'stats' }).allowed).toBe(
      true,
    );
  });

  it('disclosure to another controller needs separate consent where the law says so (PIPL)', () => {
    expect(ask('account', ['email'], [accepted], { in: 'cn-pipl', recipient: 'cn-courier' }).reasons).toEqual(
      ['deny.separate-consent-required'],
    );
    const decision = ask('account', ['email'], [accepted, separateAccount], {
      in: 'cn-pipl',
      recipient: 'cn-courier',
    });
    expect(decision.allowed).toBe(true);
    expect(decision.obligations).toEqual([{ kind: 'record-disclosure', recipient: 'cn-courier' }]);
    // Not a PIPL duty elsewhere.
    expect(ask('account', ['email'], [accepted], { in: 'eu-gdpr', recipient: 'cn-courier' }).allowed).toBe(
      true,
    );
  });
});

describe('decide: transfers and localisation', () => {
  it('data of a localised subject may leave the region only under a declared transfer', () => {
    expect(
      ask('account', ['email'], [accepted], { in: 'cn-pipl', destinationCountry: 'JP' }).reasons,
    ).toEqual(['deny.transfer-localised']);
    // cn-orders-de covers e-mail and name to Germany, under separate consent.
    const de = { in: 'cn-pipl' as const, destinationCountry: 'DE' };
    expect(ask('account', ['email'], [accepted], de).reasons).toEqual(['deny.separate-consent-required']);
    const decision = ask('account', ['email', 'name'], [accepted, separateAccount], de);
    expect(decision.allowed).toBe(true);
    expect(decision.obligations).toEqual([
      { kind: 'record-transfer', transfer: 'cn-orders-de', country: 'DE' },
    ]);
    // Location is outside the transfer's categories.
    expect(ask('account', ['location'], [accepted, separateAccount], de).reasons).toEqual([
      'deny.transfer-localised',
    ]);
  });

  it('a transfer declared without an origin does not lift a localisation', () => {
    // mailer-us covers the mailer for anyone, but names no origin: EU data may go, China data may not.
    expect(ask('newsletter', ['email'], [newsletter], { in: 'eu-gdpr', recipient: 'mailer' }).allowed).toBe(
      true,
    );
    expect(
      ask('newsletter', ['email'], [newsletter], { in: 'cn-pipl', recipient: 'mailer' }).reasons,
    ).toEqual(['deny.transfer-localised']);
  });

  it('a subject whose jurisdiction is unknown is held to the localisation rule', () => {
    expect(ask('account', ['email'], [accepted], { destinationCountry: 'JP' }).reasons).toEqual([
      'deny.transfer-localised',
    ]);
  });

  it('a transfer abroad needs a declared transfer; the home region and storage countries do not', () => {
    expect(
      ask('account', ['email'], [accepted], { in: 'eu-gdpr', destinationCountry: 'JP' }).reasons,
    ).toEqual(['deny.transfer-undeclared']);
    expect(ask('account', ['email'], [accepted], { in: 'eu-gdpr', destinationCountry: 'FR' }).allowed).toBe(
      true,
    );
    expect(ask('account', ['email'], [accepted], { in: 'eu-gdpr', destinationCountry: 'cn' }).allowed).toBe(
      true,
    );
    expect(
      ask('account', ['email'], [accepted], { in: 'us-ca-ccpa', destinationCountry: 'US' }).allowed,
    ).toBe(true);
  });

  it("the recipient's country is the destination when none is given", () => {
    const consent = [ev('consent-given', 1, { purposes: ['ads'] })];
    // adnet is in the US: a transfer for an EU subject that no declared transfer covers.
    expect(ask('ads', ['device-id'], consent, { in: 'eu-gdpr', recipient: 'adnet' }).reasons).toEqual([
      'deny.recipient-contract-missing',
      'deny.transfer-undeclared',
    ]);
  });

  it('a destination that is not a country code is an invalid request', () => {
    expect(
      ask('account', ['email'], [accepted], { in: 'eu-gdpr', destinationCountry: 'Germany' }).reasons,
    ).toEqual(['deny.invalid-request']);
  });
});
