import { ManualClock } from '@pledge/jobs';
import { afterEach, describe, expect, it } from 'vitest';
import { createNotifier, listOutbox, logTransport, type Notifier, smtpConfigFromEnv } from '../src/index.js';
import { bareStore } from './support.js';

const CANARY = 'canary-person-9917@example.test';
const SECRET_PASSWORD = 'canary-password-55';

describe('no personal data in logs or errors', () => {
  const closers: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
  });

  it('the log transport writes neither recipient, subject nor body', async () => {
    const { store, cleanup } = await bareStore();
    const lines: string[] = [];
    const notifier: Notifier = await createNotifier({
      db: store.db,
      clock: new ManualClock('2026-03-05T00:00:00Z'),
      email: logTransport((line) => lines.push(line)),
    });
    closers.push(cleanup, () => notifier.close());
    const out = await notifier.sendTemplate({
      channel: 'email',
      to: CANARY,
      template: 'request-denied',
      vars: { requestId: 'R-5', reasons: `about ${CANARY}`, complaintRoute: 'https://authority.example' },
    });
    expect(out.status).toBe('sent');
    expect(lines).toHaveLength(1);
    expect(lines.join('\n')).not.toMatch(/canary|R-5|refused/);
  });

  it('an unreachable SMTP server leaves an error in words, without the body', async () => {
    const { store, cleanup } = await bareStore();
    const notifier = await createNotifier({
      db: store.db,
      clock: new ManualClock('2026-03-05T00:00:00Z'),
      smtp: { host: '127.0.0.1', port: 1, from: 'privacy@shop.example' },
    });
    closers.push(cleanup, () => notifier.close());
    await notifier.sendTemplate({
      channel: 'email',
      to: CANARY,
      template: 'clarification-needed',
      vars: { requestId: 'R-6', question: `canary question for ${CANARY}` },
    });
    const [entry] = await listOutbox(store.db);
    expect(entry?.status).toBe('retrying');
    expect(entry?.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(entry?.lastError).not.toContain('canary question');
  });

  it('SMTP settings problems never repeat the password', () => {
    const bad = smtpConfigFromEnv({ PLEDGE_SMTP_URL: `http://user:${SECRET_PASSWORD}@mail.example` });
    expect(bad).toMatchObject({ ok: false, problem: { code: 'smtp-url-invalid', path: 'PLEDGE_SMTP_URL' } });
    expect(JSON.stringify(bad)).not.toContain(SECRET_PASSWORD);
    const noFrom = smtpConfigFromEnv({ PLEDGE_SMTP_URL: `smtp://user:${SECRET_PASSWORD}@mail.example` });
    expect(noFrom).toMatchObject({ ok: false, problem: { path: 'PLEDGE_SMTP_FROM' } });
    expect(JSON.stringify(noFrom)).not.toContain(SECRET_PASSWORD);
    expect(
      smtpConfigFromEnv({
        PLEDGE_SMTP_URL: 'smtps://u%40x:p%3Aw@mail.example',
        PLEDGE_SMTP_FROM: 'a@b.example',
      }),
    ).toEqual({
      ok: true,
      config: {
        host: 'mail.example',
        port: 465,
        secure: true,
        from: 'a@b.example',
        user: 'u@x',
        password: 'p:w',
      },
    });
    expect(smtpConfigFromEnv({})).toEqual({ ok: true, config: undefined });
  });
});
