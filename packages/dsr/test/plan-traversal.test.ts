import { describe, expect, it } from 'vitest';
import { buildPlan, formatPlan, type Plan, planRunnable } from '../src/index.js';
import { exampleManifest, withDatasets } from './fixtures.js';

const base = exampleManifest('antsentry');
const byName = (plan: Plan) => Object.fromEntries(plan.steps.map((s) => [s.collection, s]));
const roots = (plan: Plan) => plan.steps.filter((s) => s.root).map((s) => s.collection);

// Accounts own sessions; a session row also records the e-mail typed at login, which may be
// somebody else's. Customers own tickets; employees handle them (a link).
const app = withDatasets(
  base,
  `
- id: app
  datastore: { kind: postgres }
  collections:
    - name: accounts
      primaryKey: id
      fields:
        - { name: id, identity: user-id }
        - { name: email, identity: email }
    - name: sessions
      primaryKey: id
      fields:
        - { name: id }
        - { name: account_id, references: app.accounts.id }
        - { name: login_email, identity: email }
    - name: devices
      primaryKey: id
      fields:
        - { name: id }
        - { name: account_id, references: app.accounts.id, relation: identifies-owner }
        - { name: serial, identity: device-serial }
    - name: readings
      primaryKey: id
      fields:
        - { name: id }
        - { name: device_id, references: app.devices.id, relation: identifies-owner }
        - { name: sensor_serial, identity: device-serial }
    - name: employees
      primaryKey: id
      fields:
        - { name: id }
        - { name: email, identity: email }
        - { name: manager_id, references: app.employees.id, relation: link }
    - name: tickets
      primaryKey: id
      fields:
        - { name: id }
        - { name: account_id, references: app.accounts.id }
        - { name: handled_by, references: app.employees.id, relation: link }
    - name: shares
      primaryKey: id
      fields:
        - { name: id }
        - { name: account_id, references: [app.accounts.id, app.tickets.account_id] }
`,
);

describe('directed, owned traversal', () => {
  it('a session that mentions an e-mail is found from its account, and never makes the account the subject', () => {
    const plan = buildPlan(app, { kind: 'erase', identity: ['email'] });
    expect(planRunnable(plan)).toBe(true);
    const steps = byName(plan);
    expect(roots(plan)).toEqual(['accounts', 'employees']);
    expect(steps.accounts?.locators).toEqual([{ via: 'identity', field: 'email', identity: 'email' }]);
    expect(steps.sessions?.root).toBe(false);
    expect(steps.sessions?.locators).toEqual([
      { via: 'reference', field: 'account_id', from: steps.accounts?.index, fromField: 'id' },
    ]);
    expect(plan.issues).toContainEqual(
      expect.objectContaining({
        code: 'dsr.identity-owned',
        severity: 'info',
        path: 'datasets[0].collections[1]',
      }),
    );
    expect(plan.steps.flatMap((s) => s.locators).some((l) => l.via === 'owner')).toBe(false);
  });

  it('never follows a link: a ticket handled by an employee is neither the employee’s nor a way up', () => {
    const plan = buildPlan(app, { kind: 'erase', identity: ['email'] });
    const steps = byName(plan);
    expect(steps.tickets?.locators).toEqual([
      { via: 'reference', field: 'account_id', from: steps.accounts?.index, fromField: 'id' },
    ]);
    expect(steps.employees?.locators).toEqual([{ via: 'identity', field: 'email', identity: 'email' }]);
    expect(steps.employees?.provides).toEqual([]);
    // A self-link closes no cycle, so nothing is reported.
    expect(plan.issues.some((i) => i.code === 'dsr.reference-cycle')).toBe(false);
  });

  it('climbs one level, only on an edge marked identifies-owner, only from identity rows', () => {
    const plan = buildPlan(app, { kind: 'access', identity: ['device-serial'] });
    const steps = byName(plan);
    // devices → accounts is a climb; readings → devices is one too, but devices is owned by the
    // reached accounts, so the readings' serial does not make devices a root.
    expect(roots(plan)).toEqual(['accounts']);
    expect(steps.accounts?.locators).toEqual([
      {
        via: 'owner',
        field: 'id',
        through: {
          dataset: 'app',
          collection: 'devices',
          identityField: 'serial',
          identity: 'device-serial',
          referenceField: 'account_id',
        },
      },
    ]);
    expect(steps.devices?.locators.map((l) => l.via)).toEqual(['reference']);
    expect(steps.readings?.locators.map((l) => l.via)).toEqual(['reference']);
    // Without the mark there is no climb: the serial finds the devices themselves.
    const plain = structuredClone(app);
    const devices = plain.datasets[0]?.collections.find((c) => c.name === 'devices');
    const reference = devices?.fields.find((f) => f.name === 'account_id');
    if (reference) reference.relation = undefined;
    const unmarked = buildPlan(plain, { kind: 'access', identity: ['device-serial'] });
    expect(roots(unmarked)).toEqual(['devices']);
    expect(unmarked.steps.map((s) => s.collection)).toEqual(['devices', 'readings']);
    expect(unmarked.notReached).toContain('app.accounts');
  });

  it('follows each of several references of one field, and shows roots in the text plan', () => {
    const plan = buildPlan(app, { kind: 'access', identity: ['user-id'] });
    const steps = byName(plan);
    expect(steps.shares?.locators).toEqual([
      { via: 'reference', field: 'account_id', from: steps.accounts?.index, fromField: 'id' },
      { via: 'reference', field: 'account_id', from: steps.tickets?.index, fromField: 'account_id' },
    ]);
    expect(plan.steps.map((s) => s.collection).indexOf('shares')).toBeGreaterThan(
      plan.steps.map((s) => s.collection).indexOf('tickets'),
    );
    const text = formatPlan(plan);
    expect(text).toContain(
      "1. app.accounts (postgres, key id)\n     root: the rows found here are the subject's own",
    );
    expect(text.match(/root:/g)).toHaveLength(1);
  });

  it('warns when rows are owned by two root collections, as when a link is left owned-by', () => {
    expect(buildPlan(app, { kind: 'erase' }).issues.some((i) => i.code === 'dsr.shared-owner')).toBe(false);
    const careless = structuredClone(app);
    const tickets = careless.datasets[0]?.collections.find((c) => c.name === 'tickets');
    const handledBy = tickets?.fields.find((f) => f.name === 'handled_by');
    if (handledBy) handledBy.relation = undefined;
    const plan = buildPlan(careless, { kind: 'erase', identity: ['email'] });
    // tickets, and shares below them, are now reached from an employee as well.
    expect(plan.issues.filter((i) => i.code === 'dsr.shared-owner').map((i) => i.path)).toEqual([
      'datasets[0].collections[5]',
      'datasets[0].collections[6]',
    ]);
  });

  it('refuses an unknown relation in the schema', () => {
    expect(() =>
      withDatasets(
        base,
        `
- id: app
  datastore: { kind: postgres }
  collections:
    - name: t
      primaryKey: id
      fields: [{ name: id, references: app.t.id, relation: parent }]
`,
      ),
    ).toThrow(/relation/);
  });
});
