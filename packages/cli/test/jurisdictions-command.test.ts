import { jurisdictions, listFacts } from '@pledge/core';
import { describe, expect, it } from 'vitest';
import { hasStackTrace, runPledge } from './run-pledge.js';

interface Printed {
  jurisdictions: Array<{
    key: string;
    counts: { all: Record<string, number> };
    facts: Array<{ path: string; ref: string; url: string | null; verification: string; actedOn: boolean }>;
  }>;
}

describe.concurrent('pledge jurisdictions', () => {
  it('--format json prints every fact of every jurisdiction with its citation and status', async () => {
    const run = await runPledge(['jurisdictions', '--format', 'json']);
    expect(run.code).toBe(0);
    const printed = JSON.parse(run.stdout) as Printed;
    expect(printed.jurisdictions.map((j) => j.key)).toEqual(Object.keys(jurisdictions));
    for (const law of printed.jurisdictions) {
      const expected = listFacts(jurisdictions[law.key as keyof typeof jurisdictions]);
      expect(law.facts.map((f) => f.path)).toEqual(expected.map((f) => f.path));
      for (const fact of law.facts) {
        expect(fact.ref.length).toBeGreaterThan(0);
        expect(['verified', 'secondary', 'unverified']).toContain(fact.verification);
      }
      const total = Object.values(law.counts.all).reduce((a, b) => a + b, 0);
      expect(total).toBe(law.facts.length);
    }
    const uk = printed.jurisdictions.find((j) => j.key === 'uk-gdpr');
    expect(uk?.facts.find((f) => f.path === 'minors.digitalConsentAge')).toMatchObject({
      ref: 'UK GDPR Art. 8(1)',
      verification: 'verified',
      actedOn: true,
    });
  });

  it('prints the named jurisdictions as text, and refuses an unknown key naming the known ones', async () => {
    const run = await runPledge(['jurisdictions', 'br-lgpd']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^br-lgpd {2}/);
    expect(run.stdout).not.toContain('eu-gdpr');
    const bad = await runPledge(['jurisdictions', 'xx-none']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown jurisdiction xx-none');
    expect(bad.stderr).toContain('eu-gdpr');
    expect(hasStackTrace(bad.stderr)).toBe(false);
  });
});
