import { readFileSync } from 'node:fs';
import { parseManifest } from '@pledge/core';
import { describe, expect, it } from 'vitest';
import { compilePolicy } from '../src/compile.js';
import type { CompiledPolicy } from '../src/policy.js';
import { ask, ev } from './helpers.js';

function example(name: string): CompiledPolicy {
  const url = new URL(`../../../examples/${name}/pledge.yaml`, import.meta.url);
  const loaded = parseManifest(readFileSync(url, 'utf8'), { file: `${name}/pledge.yaml` });
  if (!loaded.ok) throw new Error(`${name}: ${loaded.issues.map((issue) => issue.message).join('; ')}`);
  return compilePolicy(loaded.manifest);
}

const accepted = ev('policy-accepted', 1);

describe('examples/antsentry', () => {
  const policy = example('antsentry');
  const dnt = ev('signal-seen', 2, { signal: 'dnt' });

  it('honours Do Not Track: no analytics on the website', () => {
    const browse = ['ip-address', 'cookie-id'];
    expect(ask('browse-website', browse, [accepted], { in: 'cn-pipl' }, policy).allowed).toBe(true);
    expect(ask('browse-website', browse, [accepted, dnt], { in: 'cn-pipl' }, policy).reasons).toEqual([
      'deny.dnt',
    ]);
  });

  it('Do Not Track stops the e-mail pixels, not the e-mails', () => {
    const events = [
      accepted,
      dnt,
      ev('consent-given', 1, { purposes: ['new-services-emails'], mode: 'implied' }),
    ];
    const where = { in: 'cn-pipl' as const };
    expect(ask('new-services-emails', ['email'], events, where, policy).allowed).toBe(true);
    expect(ask('new-services-emails', ['email-engagement'], events, where, policy).reasons).toEqual([
      'deny.dnt',
    ]);
  });

  it('bars under-14s and points 14 to 17-year-olds to a guardian', () => {
    const registration = ['account-id', 'email'];
    expect(
      ask('registration', registration, [accepted], { in: 'cn-pipl', age: 13 }, policy).reasons,
    ).toContain('deny.minor-barred');
    const teen = ask('registration', registration, [accepted], { in: 'cn-pipl', age: 15 }, policy);
    expect(teen.allowed).toBe(true);
    expect(teen.obligations).toContainEqual({ kind: 'guardian-guidance' });
  });

  it('asks separate consent for data PIPL treats as sensitive, and masks what the taxonomy calls sensitive', () => {
    const where = { in: 'cn-pipl' as const };
    expect(ask('miner-monitoring', ['electricity-fees'], [accepted], where, policy).reasons).toEqual([
      'deny.separate-consent-required',
    ]);
    // A password is not PIPL-sensitive, but it is still logged and masked.
    const password = ask('registration', ['password'], [accepted], where, policy);
    expect(password.allowed).toBe(true);
    expect(password.obligations).toEqual([
      { kind: 'log-access' },
      { kind: 'mask-fields', categories: ['password'] },
    ]);
  });
});

describe('examples/camera-app', () => {
  const policy = example('camera-app');

  it('needs a guardian consent under 18 for the service, not for legal compliance', () => {
    const minor = { in: 'cn-pipl' as const, age: 16 };
    expect(ask('service-account', ['account-id'], [accepted], minor, policy).reasons).toEqual([
      'deny.guardian-consent-required',
    ]);
    const guardian = [accepted, ev('guardian-consent', 2)];
    expect(ask('service-account', ['account-id'], guardian, minor, policy)).toMatchObject({
      allowed: true,
      reasons: ['ok.contract', 'ok.guardian-consent'],
    });
    expect(
      ask('service-account', ['account-id'], [accepted], { in: 'cn-pipl', age: 18 }, policy).allowed,
    ).toBe(true);
    expect(ask('legal-compliance', ['account-id'], [], minor, policy).allowed).toBe(true);
  });

  it('keeps data collected in China in China unless the subject consents to the outbound transfer', () => {
    const abroad = { in: 'cn-pipl' as const, destinationCountry: 'US' };
    expect(
      ask('service-account', ['account-id'], [accepted], { in: 'cn-pipl', destinationCountry: 'CN' }, policy)
        .allowed,
    ).toBe(true);
    expect(ask('service-account', ['account-id'], [accepted], abroad, policy).reasons).toEqual([
      'deny.no-consent',
    ]);
    const consent = [accepted, ev('consent-given', 2, { purposes: ['service-account'] })];
    const decision = ask('service-account', ['account-id'], consent, abroad, policy);
    expect(decision.allowed).toBe(true);
    expect(decision.obligations).toContainEqual({
      kind: 'record-transfer',
      transfer: 'china-outbound',
      country: 'US',
    });
  });
});

describe('examples/spacemit-site', () => {
  const policy = example('spacemit-site');

  it('needs a guardian consent under 14 before a child uses the site', () => {
    const child = { in: 'cn-pipl' as const, age: 12 };
    expect(ask('enquiries', ['email'], [accepted], child, policy).reasons).toEqual([
      'deny.guardian-consent-required',
    ]);
    expect(ask('enquiries', ['email'], [accepted, ev('guardian-consent', 2)], child, policy).allowed).toBe(
      true,
    );
  });
});
