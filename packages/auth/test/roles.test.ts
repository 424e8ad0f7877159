import { describe, expect, it } from 'vitest';
import {
  CONSOLE_PERMISSIONS,
  CONSOLE_ROLES,
  PERSONAL_DATA_PERMISSIONS,
  ROLE_PERMISSIONS,
  readsPersonalData,
  roleAllows,
} from '../src/index.js';

describe('console roles', () => {
  it('gives each role only permissions from the one list, without repeats', () => {
    for (const role of CONSOLE_ROLES) {
      const held = ROLE_PERMISSIONS[role];
      expect(new Set(held).size).toBe(held.length);
      for (const permission of held) expect(CONSOLE_PERMISSIONS).toContain(permission);
    }
  });

  it('keeps least privilege: support agents cannot export, auditors and engineers read no personal data', () => {
    expect(roleAllows('support-agent', 'subjects:lookup')).toBe(true);
    expect(roleAllows('support-agent', 'subjects:export')).toBe(false);
    expect(readsPersonalData('auditor')).toBe(false);
    expect(readsPersonalData('engineer')).toBe(false);
    expect(roleAllows('auditor', 'audit:read')).toBe(true);
    expect(roleAllows('engineer', 'connectors:manage')).toBe(true);
    expect(roleAllows('privacy-officer', 'users:manage')).toBe(false);
    expect(CONSOLE_PERMISSIONS.every((permission) => roleAllows('owner', permission))).toBe(true);
  });

  it('counts exactly the roles that hold a personal-data permission', () => {
    const readers = CONSOLE_ROLES.filter(readsPersonalData);
    expect(readers).toEqual(['owner', 'privacy-officer', 'support-agent']);
    expect(PERSONAL_DATA_PERMISSIONS.length).toBeGreaterThan(0);
  });
});
