import { describe, expect, it } from 'vitest';
import { type DashboardModel, renderDashboard, renderUsersPage, type UsersPageModel } from '../src/index.js';
import { officer } from './fixtures.js';

const owner = {
  user: { id: 'usr_owner', email: 'o@example.test', name: 'Owner', role: 'owner' as const },
  csrfToken: 'csrf-"o"',
};

const model: UsersPageModel = {
  users: [
    {
      id: 'usr_owner',
      email: 'o@example.test',
      name: 'Owner',
      role: 'owner',
      secondFactor: true,
      confidentiality: true,
    },
    {
      id: 'usr_<x>',
      email: 'e@example.test',
      name: 'Eve <Eng>',
      role: 'engineer',
      secondFactor: false,
      confidentiality: false,
    },
    {
      id: 'usr_gone',
      email: 'g@example.test',
      name: 'Gone',
      role: 'auditor',
      secondFactor: false,
      confidentiality: false,
      disabledOn: '2026-03-01',
    },
  ],
  roles: ['owner', 'privacy-officer', 'support-agent', 'auditor', 'engineer'],
  personalDataRoles: ['owner', 'privacy-officer', 'support-agent'],
  personalDataCap: 3,
  history: [
    {
      at: '2026-03-02T10:00:00.000Z',
      user: 'e@example.test',
      actor: 'o@example.test',
      from: 'auditor',
      to: 'engineer',
    },
  ],
};

describe('users page', () => {
  it('lists users with second factor, confidentiality and disabled, escapes values, and puts the CSRF token in every form', () => {
    const html = renderUsersPage(model, owner);
    expect(html).toContain('Eve &lt;Eng&gt;');
    expect(html).not.toContain('Eve <Eng>');
    expect(html).toContain('action="/console/users/usr_%3Cx%3E/role"');
    expect(html).toContain('<span class="badge danger">2026-03-01</span>');
    expect(html).toContain('at most 3 active holders');
    const forms = html.match(/<form method="post"/g)?.length ?? 0;
    // sign-out, create, the owner's role form, the engineer's role and disable forms (none for the disabled user)
    expect(forms).toBe(5);
    expect(html.match(/name="csrf" value="csrf-&quot;o&quot;"/g)?.length).toBe(forms);
    expect(html).not.toContain('action="/console/users/usr_owner/disable"');
    expect(html).not.toContain('action="/console/users/usr_gone/role"');
    expect(html).toContain('<td>auditor</td><td>engineer</td><td>o@example.test</td>');
  });

  it('shows a refusal with its code, and a created user’s secrets once', () => {
    const refused = renderUsersPage(
      {
        ...model,
        notice: { kind: 'error', message: 'at most 3 <holders>', code: 'personal-data-cap-reached' },
      },
      owner,
    );
    expect(refused).toContain('role="alert"');
    expect(refused).toContain('at most 3 &lt;holders&gt; <code>personal-data-cap-reached</code>');
    const created = renderUsersPage(
      {
        ...model,
        secret: {
          email: 'n@example.test',
          temporaryPassword: 'pw-<1>',
          otpauthUri: 'otpauth://totp/x?secret=A',
        },
      },
      owner,
    );
    expect(created).toContain('Temporary password: <code>pw-&lt;1&gt;</code>');
    expect(created).toContain('<code>otpauth://totp/x?secret=A</code>');
    expect(renderUsersPage(model, owner)).not.toContain('Temporary password');
  });
});

describe('dashboard audit volume and review banner', () => {
  const base: DashboardModel = {
    policy: {
      version: 'v1',
      seq: 1,
      publishedAt: '2026-03-01T00:00:00.000Z',
      lintErrors: 0,
      lintAccepted: 0,
      lintWarnings: 0,
    },
    consents: { days: ['2026-03-01', '2026-03-02'], purposes: [] },
  };

  it('draws accesses per day and the overdue banner (P0-31)', () => {
    const html = renderDashboard(
      {
        ...base,
        audit: { last24h: 4, last30d: 7, perDay: [3, 4] },
        reviews: { due: 1, overdue: 1, nextDueOn: '2026-03-01' },
        reviewStatus: { due: true, overdue: true, nextDueAt: new Date('2026-03-01T23:59:59Z') },
      },
      officer,
    );
    expect(html).toContain('Accesses to personal data per day');
    expect(html).toContain('7 accesses in all; at most 4 on one day.');
    expect(html).toContain('Access review overdue');
  });

  it('says so when no access was recorded, and shows no banner when nothing is due', () => {
    const html = renderDashboard(
      {
        ...base,
        audit: { last24h: 0, last30d: 0, perDay: [0, 0] },
        reviewStatus: { due: false, overdue: false },
      },
      officer,
    );
    expect(html).toContain('No access was recorded from 2026-03-01 to 2026-03-02.');
    expect(html).not.toContain('review-banner');
  });
});
