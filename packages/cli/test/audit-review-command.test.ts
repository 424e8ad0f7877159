import { readFileSync } from 'node:fs';
import { createConsoleUser } from '@pledge/auth';
import { appendAuditEntries, migrateToLatest, openStore } from '@pledge/store';
import { beforeAll, describe, expect, it } from 'vitest';
import { runInProcess, tempDir } from './support/harness.js';

const DAY = 86_400_000;
const dir = tempDir('pledge-cli-reviews-');

const pledge = (...args: string[]) =>
  runInProcess([...args, '--data-dir', dir], { readText: async (file) => readFileSync(file, 'utf8') });

const now = Date.now();
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe('pledge audit review on an embedded database', () => {
  beforeAll(async () => {
    const store = await openStore({ dataDir: dir });
    await migrateToLatest(store.db);
    for (const [email, role] of [
      ['reviewer@console.test', 'auditor'],
      ['agent@console.test', 'support-agent'],
    ] as const) {
      const made = await createConsoleUser(store, {
        email,
        name: role,
        role,
        actor: 'test',
        password: 'a-long-test-password-0123',
        confidentialityAcknowledged: true,
      });
      if (!made.ok) throw new Error(made.issue.code);
      if (role === 'support-agent') {
        const appended = await appendAuditEntries(
          store.db,
          [
            {
              action: 'subject-lookup',
              actor: { kind: 'user', id: made.user.id },
              subject: 'pseudonym-cli-review-01',
              reason: 'support ticket',
            },
          ],
          { now: () => new Date(now - 120 * DAY) },
        );
        expect(appended.ok).toBe(true);
      }
    }
    await store.close();
  });

  it('P0-31: status flags the overdue review, open stores findings, sign refuses a role without reviews:sign and accepts a reviewer', {
    timeout: 120_000,
  }, async () => {
    const before = await pledge('audit', 'review', 'status', '--format', 'json');
    expect(before.code).toBe(0);
    expect(JSON.parse(before.stdout)).toMatchObject({
      due: true,
      overdue: true,
      every: { amount: 90, unit: 'days' },
    });

    const bad = await pledge('audit', 'review', 'open', '--from', 'soon', '--to', day(now));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--from: from must be a date');

    const opened = await pledge(
      'audit',
      'review',
      'open',
      '--from',
      day(now - 130 * DAY),
      '--to',
      day(now),
      '--format',
      'json',
    );
    expect(opened.stderr).toBe('');
    expect(opened.code).toBe(0);
    const review = JSON.parse(opened.stdout) as { id: string; findings: { code: string }[] };
    expect(review.findings.map((f) => f.code)).toContain('review.lookup-without-request');

    const shown = await pledge('audit', 'review', 'show', review.id);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('review.lookup-without-request');
    expect(shown.stdout).toContain('pseudonym-cli-review-01');

    const byAgent = await pledge('audit', 'review', 'sign', review.id, '--by', 'agent@console.test');
    expect(byAgent.code).toBe(1);
    expect(byAgent.stderr).toContain('does not hold reviews:sign');
    expect(byAgent.stderr).not.toContain('agent@console.test');

    const unknown = await pledge('audit', 'review', 'sign', review.id, '--by', 'nobody@console.test');
    expect(unknown.code).toBe(2);

    const signed = await pledge(
      'audit',
      'review',
      'sign',
      review.id,
      '--by',
      'REVIEWER@console.test',
      '--note',
      'checked',
    );
    expect(signed.stderr).toBe('');
    expect(signed.code).toBe(0);
    expect(signed.stdout).toContain('signed off by user:usr_');

    const after = await pledge('audit', 'review', 'status');
    expect(after.code).toBe(0);
    expect(after.stdout).toMatch(/^access review not due \(every 90 days; next due by /);
  });
});
