import { describe, expect, it } from 'vitest';
import { buildPlan, formatPlan, planRunnable } from '../src/index.js';
import { exampleManifest, withDatasets } from './fixtures.js';

const base = exampleManifest('antsentry');
const labels = (plan: ReturnType<typeof buildPlan>) => plan.steps.map((s) => `${s.dataset}.${s.collection}`);

describe('buildPlan on the example manifests', () => {
  it('orders antsentry parents before children and erases children first', () => {
    const plan = buildPlan(base, { kind: 'erase', identity: ['email'] });
    expect(planRunnable(plan)).toBe(true);
    const order = labels(plan);
    expect(order[0]).toBe('antsentry_pg.users');
    expect(order.indexOf('antsentry_pg.pools')).toBeLessThan(order.indexOf('antsentry_pg.miners'));
    expect(order.at(-1)).toBe('antsentry_redis.session:{id}');
    const writes = plan.writeOrder.map((i) => order[i]);
    expect(writes.at(-1)).toBe('antsentry_pg.users');
    expect(writes.indexOf('antsentry_pg.miners')).toBeLessThan(writes.indexOf('antsentry_pg.pools'));
    const users = plan.steps[0];
    expect(users?.locators).toEqual([{ via: 'identity', field: 'email', identity: 'email' }]);
    // users is kept as a tombstone (its id is under the login-records hold): erased field by field.
    expect(users?.statements.map((s) => s.text)).toContain(
      'UPDATE "users" SET "email" = NULL, "phone" = NULL, "name" = NULL, "password_hash" = NULL, "created_at" = anonymise("created_at"), "last_login_at" = NULL, "country" = NULL WHERE "id" = ANY($1)',
    );
    expect(plan.identity.missing).toEqual(['device-serial', 'phone', 'user-id']);
  });

  it('warns of a Redis lookup that scans every key, and not of one through a declared index set', () => {
    const camera = exampleManifest('camera-app');
    const indexed = buildPlan(camera, { kind: 'erase', identity: ['phone'] });
    const sessions = indexed.steps.find((s) => s.collection === 'session:{id}');
    expect(sessions?.statements.filter((s) => s.operation === 'locate').map((s) => [s.text, s.per])).toEqual([
      ['SMEMBERS (pipeline)', 'batch'],
      ['EVAL match', 'batch'],
    ]);
    expect(indexed.issues.filter((i) => i.code === 'dsr.locate-scans')).toEqual([]);
    const withoutIndex: typeof camera = {
      ...camera,
      datasets: camera.datasets.map((d) => ({
        ...d,
        collections: d.collections.map(({ indexes: _dropped, ...c }) => c),
      })),
    };
    const scanning = buildPlan(withoutIndex, { kind: 'erase', identity: ['phone'] });
    const warnings = scanning.issues.filter((i) => i.code === 'dsr.locate-scans');
    expect(warnings.map((w) => w.severity)).toEqual(['warning']);
    expect(warnings[0]?.message).toContain('camera_redis.session:{id} is located by account_id');
    expect(warnings[0]?.path).toBe(
      `datasets[${camera.datasets.findIndex((d) => d.id === 'camera_redis')}].collections[1]`,
    );
    expect(planRunnable(scanning)).toBe(true);
  });

  it('keeps the fields under a legal hold and reports them', () => {
    const plan = buildPlan(base, { kind: 'erase' });
    const logs = plan.steps.find((s) => s.collection === 'login_logs');
    expect(logs?.erasure?.mode).toBe('none');
    expect(logs?.erasure?.held.map((h) => h.field)).toEqual([
      'id',
      'user_id',
      'ip_address',
      'user_agent',
      'logged_in_at',
    ]);
    expect(logs?.statements.some((s) => s.operation === 'erase')).toBe(false);
    expect(formatPlan(plan)).toContain('kept under legal hold login-records: ip_address');
    // The manifest keeps a users tombstone, so the held reference stays valid...
    expect(plan.issues.filter((i) => i.code === 'dsr.held-reference')).toEqual([]);
    // ...and deleting the users rows instead is reported before anything runs.
    const deleting = structuredClone(base);
    const users = deleting.datasets[0]!.collections.find((c) => c.name === 'users')!;
    users.erasure = 'delete-row';
    for (const field of users.fields) {
      field.erasure = 'delete-row';
      field.legalHold = undefined;
    }
    const risky = buildPlan(deleting, { kind: 'erase' });
    expect(risky.issues.filter((i) => i.code === 'dsr.held-reference').map((i) => i.path)).toEqual([
      'datasets[0].collections[5].fields[1].references',
    ]);
  });

  it('reaches the owner account from a device serial, but not shared parents', () => {
    const plan = buildPlan(base, { kind: 'access', identity: ['device-serial'] });
    const users = plan.steps.find((s) => s.collection === 'users');
    expect(users?.locators).toEqual([
      {
        via: 'owner',
        field: 'id',
        through: {
          dataset: 'antsentry_pg',
          collection: 'miners',
          identityField: 'serial_number',
          identity: 'device-serial',
          referenceField: 'user_id',
        },
      },
    ]);
    expect(users?.root).toBe(true);
    // pools has no identity field: it is reached down from users, not up from miners.
    const pools = plan.steps.find((s) => s.collection === 'pools');
    expect(pools?.locators.map((l) => l.via)).toEqual(['reference']);
    // miners.user_id identifies the owner, so the serial climbs to users; the miners
    // themselves are then found from their owner (every miner of the account), not by serial.
    const miners = plan.steps.find((s) => s.collection === 'miners');
    expect(miners?.root).toBe(false);
    expect(miners?.locators.map((l) => `${l.via}:${l.field}`)).toEqual([
      'reference:user_id',
      'reference:pool_id',
    ]);
  });

  it('orders a collection reached only through another dataset after it', () => {
    const plan = buildPlan(exampleManifest('spacemit-site'), { kind: 'erase', identity: ['email'] });
    const order = labels(plan);
    expect(order.indexOf('spacemit_cvs.cvs/{application_id}')).toBeGreaterThan(
      order.indexOf('spacemit_mysql.job_applications'),
    );
    expect(plan.notReached).toEqual(['spacemit_mysql.analytics_events']);
    expect(plan.issues.find((i) => i.code === 'dsr.identity-missing')?.severity).toBe('warning');
    const analytics = buildPlan(exampleManifest('spacemit-site'), { kind: 'erase' }).steps.find(
      (s) => s.collection === 'analytics_events',
    );
    expect(analytics?.erasure?.plan).toEqual({ cookie_id: 'hash', referrer: 'null' });
    expect(analytics?.statements.find((s) => s.operation === 'erase')?.text).toBe(
      "UPDATE `analytics_events` SET `cookie_id` = CASE WHEN `cookie_id` IS NULL OR CAST(`cookie_id` AS BINARY) REGEXP '^hmac:[0-9a-f]{64}$' THEN `cookie_id` ELSE CONCAT('hmac:', SHA2(CONCAT(?, UNHEX(SHA2(CONCAT(?, CONVERT(`cookie_id` USING utf8mb4)), 256))), 256)) END, `referrer` = NULL WHERE `id` IN (?)",
    );
  });

  it('plans camera-app across postgres, files and redis', () => {
    const plan = buildPlan(exampleManifest('camera-app'), { kind: 'erase', identity: ['phone'] });
    expect(plan.steps).toHaveLength(10);
    expect(plan.unreachable).toEqual([]);
    const alarms = plan.steps.find((s) => s.collection === 'alarm_events');
    expect(alarms?.erasure?.mode).toBe('fields');
    expect(alarms?.erasure?.plan.id).toBeUndefined();
    const shares = plan.steps.find((s) => s.collection === 'device_shares');
    expect(shares?.locators.map((l) => l.field)).toEqual([
      'device_id',
      'owner_account_id',
      'guest_account_id',
    ]);
  });
});

describe('buildPlan reports problems before anything runs', () => {
  const yaml = `
- id: app
  datastore: { kind: postgres, connection: APP_URL }
  collections:
    - name: users
      primaryKey: id
      fields:
        - { name: id, identity: user-id }
        - { name: email, identity: email }
    - name: employees
      primaryKey: id
      fields:
        - { name: id }
        - { name: user_id, references: app.users.id }
        - { name: manager_id, references: app.employees.id }
    - name: audit
      primaryKey: id
      fields:
        - { name: id }
        - { name: note }
    - name: orders
      primaryKey: id
      fields:
        - { name: id }
        - { name: user_id, references: app.users.uid }
        - { name: shop, references: other.shops.id }
`;
  const manifest = withDatasets(base, yaml);

  it('finds unreachable collections, unknown references and cycles', () => {
    const plan = buildPlan(manifest, { kind: 'erase', identity: ['email'] });
    const codes = plan.issues.map((i) => `${i.code}@${i.path}`);
    expect(codes).toContain('dsr.unreachable@datasets[0].collections[2]');
    expect(codes).toContain('dsr.reference-unknown-field@datasets[0].collections[3].fields[1].references');
    expect(codes).toContain('dsr.reference-unknown-dataset@datasets[0].collections[3].fields[2].references');
    expect(codes).toContain('dsr.reference-cycle@datasets[0].collections[1].fields[2].references');
    expect(plan.unreachable).toEqual(['app.audit', 'app.orders']);
    expect(planRunnable(plan)).toBe(false);
    // The self-reference is not followed: employees is located from users only.
    const employees = plan.steps.find((s) => s.collection === 'employees');
    expect(employees?.locators).toEqual([{ via: 'reference', field: 'user_id', from: 0, fromField: 'id' }]);
  });

  it('reports identity kinds no field has, and a request that reaches nothing', () => {
    const plan = buildPlan(manifest, { kind: 'access', identity: ['phone'] });
    expect(plan.issues.map((i) => i.code)).toEqual(
      expect.arrayContaining(['dsr.identity-unused', 'dsr.nothing-reached']),
    );
    expect(plan.steps).toEqual([]);
  });

  it('keeps a row whose field is under a legal hold even when the collection is deleted by row', () => {
    const held = withDatasets(
      base,
      `
- id: app
  datastore: { kind: postgres }
  collections:
    - name: users
      primaryKey: id
      erasure: delete-row
      fields:
        - { name: id, identity: user-id }
        - { name: email, erasure: delete-row }
        - { name: invoice_no, legalHold: tax-records }
`,
    );
    const plan = buildPlan(held, { kind: 'erase' });
    const step = plan.steps[0];
    expect(step?.erasure?.mode).toBe('fields');
    expect(step?.erasure?.plan).toEqual({ email: 'null' });
    expect(step?.erasure?.held).toEqual([{ field: 'invoice_no', legalHold: 'tax-records' }]);
    expect(plan.issues.map((i) => i.code)).toEqual(
      expect.arrayContaining(['dsr.hold-keeps-row', 'dsr.legal-hold-unknown', 'dsr.key-kept']),
    );
  });

  it('resolves rectification targets and refuses unknown ones', () => {
    const ok = buildPlan(base, { kind: 'rectify', identity: ['email'], rectify: ['users.name', 'phone'] });
    expect(planRunnable(ok)).toBe(true);
    expect(ok.steps.find((s) => s.collection === 'users')?.rectify).toEqual(['name', 'phone']);
    expect(ok.steps.find((s) => s.collection === 'users')?.statements.at(-1)?.text).toBe(
      'UPDATE "users" SET "name" = $1, "phone" = $2 WHERE "id" = ANY($3)',
    );
    const bad = buildPlan(base, { kind: 'rectify', identity: ['email'], rectify: ['users.nickname'] });
    expect(bad.issues.map((i) => i.code)).toContain('dsr.rectify-field-unknown');
    expect(planRunnable(bad)).toBe(false);
  });
});
