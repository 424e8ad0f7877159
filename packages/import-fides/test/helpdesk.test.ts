import { readFileSync } from 'node:fs';
import { type Manifest, parseManifest } from '@pledge/core';
import { buildPlan, type Locator, planRunnable } from '@pledge/dsr';
import { describe, expect, it } from 'vitest';
import { fidesDatasetToPledge } from '../src/index.js';

// A dataset written by the team (see the fixture's header): references in both directions,
// fields with several references, collections reachable only through a `to` reference, and
// staff who handle customers' tickets without owning them.
const fixture = readFileSync(new URL('./fixtures/helpdesk-dataset.yml', import.meta.url), 'utf8');
const imported = fidesDatasetToPledge(fixture);

function manifestWith(datasets: Manifest['datasets']): Manifest {
  const file = new URL('../../../examples/antsentry/pledge.yaml', import.meta.url);
  const parsed = parseManifest(readFileSync(file, 'utf8'));
  if (!parsed.ok) throw new Error('example manifest invalid');
  return { ...parsed.manifest, datasets };
}

function field(collection: string, name: string) {
  const found = imported.datasets[0]?.collections
    .find((c) => c.name === collection)
    ?.fields.find((f) => f.name === name);
  if (!found) throw new Error(`no field ${collection}.${name}`);
  return found;
}

describe('import fides: a dataset with references in both directions', () => {
  it('keeps each direction, several references per field, and the connection variable', () => {
    expect(imported.ok).toBe(true);
    expect(imported.datasets[0]?.datastore).toEqual({ kind: 'postgres', connection: 'PLEDGE_HELPDESK_URL' });
    // from: the field keeps it, owned by the referenced row (the default relation).
    expect(field('tickets', 'customer_id').references).toBe('helpdesk.customers.id');
    expect(field('tickets', 'customer_id').relation).toBeUndefined();
    expect(field('ticket_notes', 'ticket_id').references).toBe('helpdesk.tickets.id');
    // to: written on the referenced field, owned by the row that points at it.
    expect(field('customers', 'address_id').references).toBeUndefined();
    expect(field('addresses', 'id').references).toBe('helpdesk.customers.address_id');
    expect(field('loyalty_cards', 'customer_id').references).toBe('helpdesk.customers.id');
    expect(field('customers', 'id').references).toBeUndefined();
    // no direction: a link, never followed, with a warning naming the reference.
    expect(field('tickets', 'handled_by')).toMatchObject({
      references: 'helpdesk.employees.id',
      relation: 'link',
    });
    expect(field('ticket_notes', 'author_id')).toMatchObject({
      references: 'helpdesk.employees.id',
      relation: 'link',
    });
    expect(imported.issues.filter((i) => i.code === 'fides.reference-undirected').map((i) => i.path)).toEqual(
      [
        'dataset[0].collections[4].fields[2].fides_meta.references[0]',
        'dataset[0].collections[5].fields[2].fides_meta.references[0]',
      ],
    );
    expect(imported.issues.filter((i) => i.code === 'fides.reference-reversed')).toHaveLength(3);
  });

  it("plans an erasure by e-mail that reaches the customer's rows and never climbs to staff", () => {
    const plan = buildPlan(manifestWith(imported.datasets), { kind: 'erase', identity: ['email'] });
    expect(planRunnable(plan)).toBe(true);
    const steps = Object.fromEntries(plan.steps.map((s) => [s.collection, s]));
    expect(plan.steps.map((s) => s.collection)).toEqual([
      'customers',
      'addresses',
      'loyalty_cards',
      'employees',
      'tickets',
      'ticket_notes',
    ]);
    const ref = (fieldName: string, from: string, fromField: string): Locator => ({
      via: 'reference',
      field: fieldName,
      from: plan.steps.findIndex((s) => s.collection === from),
      fromField,
    });
    // Roots: the rows the e-mail finds in customers and employees, nothing else.
    expect(plan.steps.filter((s) => s.root).map((s) => s.collection)).toEqual(['customers', 'employees']);
    expect(steps.customers?.locators).toEqual([{ via: 'identity', field: 'email', identity: 'email' }]);
    expect(steps.employees?.locators).toEqual([{ via: 'identity', field: 'email', identity: 'email' }]);
    // Reachable only through a `to` reference: found from the customer.
    expect(steps.addresses?.locators).toEqual([ref('id', 'customers', 'address_id')]);
    expect(steps.loyalty_cards?.locators).toEqual([ref('customer_id', 'customers', 'id')]);
    // Tickets belong to their customer only: not found from the employee who handled them,
    // nor by the e-mail they mention.
    expect(steps.tickets?.locators).toEqual([ref('customer_id', 'customers', 'id')]);
    expect(steps.ticket_notes?.locators).toEqual([ref('ticket_id', 'tickets', 'id')]);
    expect(plan.steps.flatMap((s) => s.locators).some((l) => l.via === 'owner')).toBe(false);
    expect(plan.issues.filter((i) => i.code === 'dsr.identity-owned').map((i) => i.path)).toEqual([
      'datasets[0].collections[4]',
    ]);
    expect(plan.unreachable).toEqual([]);
  });

  it('keeps a reference without direction as a link: reported unreachable, never followed the wrong way', () => {
    // The same file with every direction removed: Fides would follow each reference either
    // way; Pledge keeps them as links, so the collections found only through them are
    // reported unreachable instead of being reached from the wrong side.
    const undirected = fidesDatasetToPledge(fixture.replace(/\n\s+direction: (to|from)/g, ''));
    const plan = buildPlan(manifestWith(undirected.datasets), { kind: 'erase', identity: ['email'] });
    expect(plan.steps.filter((s) => s.root).map((s) => s.collection)).toEqual([
      'customers',
      'employees',
      'tickets',
    ]);
    expect(plan.unreachable).toEqual([
      'helpdesk.addresses',
      'helpdesk.loyalty_cards',
      'helpdesk.ticket_notes',
    ]);
    expect(plan.steps.flatMap((s) => s.locators).some((l) => l.via === 'owner')).toBe(false);
  });
});
