import { describe, expect, it } from 'vitest';
import { runInProcess, tempDir } from './support/harness.js';

const dir = tempDir('pledge-cli-users-');

const pledge = (...args: string[]) => runInProcess([...args, '--data-dir', dir]);

describe('pledge users on an embedded database', () => {
  it('creates users (temporary password once, alone on stdout), lists, changes roles, enrols TOTP, disables', {
    timeout: 120_000,
  }, async () => {
    const created = await pledge(
      'users',
      'create',
      '--email',
      'Owner@Example.test',
      '--name',
      'Olivia',
      '--role',
      'owner',
      '--confidentiality-acknowledged',
    );
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^[\w-]{24}\n$/);
    expect(created.stderr).toContain('shown this once');

    const refused = await pledge(
      'users',
      'create',
      '--email',
      'agent@example.test',
      '--name',
      'Ann',
      '--role',
      'support-agent',
    );
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('confidentiality-not-acknowledged');
    const badRole = await pledge(
      'users',
      'create',
      '--email',
      'x@example.test',
      '--name',
      'X',
      '--role',
      'root',
    );
    expect(badRole.stderr).toContain('invalid-role');

    const engineer = await pledge(
      'users',
      'create',
      '--email',
      'eng@example.test',
      '--name',
      'Eli',
      '--role',
      'engineer',
      '--no-password',
    );
    expect(engineer.code).toBe(0);
    expect(engineer.stdout).toBe('');

    const role = await pledge(
      'users',
      'role',
      'ENG@example.test',
      'support-agent',
      '--confidentiality-acknowledged',
    );
    expect(role.code).toBe(0);
    expect(role.stdout).toMatch(/^usr_\S+ is now support-agent\n$/);

    const totp = await pledge('users', 'totp', 'eng@example.test');
    expect(totp.code).toBe(0);
    expect(totp.stdout).toMatch(/^otpauth:\/\/totp\/Pledge:eng%40example\.test\?.*secret=[A-Z2-7]+/);

    const disabled = await pledge('users', 'disable', 'eng@example.test');
    expect(disabled.code).toBe(0);
    const unknown = await pledge('users', 'disable', 'nobody@example.test');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('unknown-user');

    const listed = await pledge('users', 'list', '--format', 'json');
    expect(listed.code).toBe(0);
    const users = JSON.parse(listed.stdout) as {
      email: string;
      role: string;
      totpEnrolled: boolean;
      disabledAt?: string;
    }[];
    expect(users.map((u) => [u.email, u.role, u.totpEnrolled, Boolean(u.disabledAt)])).toEqual([
      ['owner@example.test', 'owner', false, false],
      ['eng@example.test', 'support-agent', true, true],
    ]);
    expect(listed.stdout).not.toMatch(/argon2|secret/i);
  });
});
