import { edited } from '@pledge/testing/manifests';
import { describe, expect, it } from 'vitest';
import { checkReferences, manifestReferences, REFERENCE_KINDS } from '../../src/integrity/index.js';

describe('checkReferences', () => {
  it('finds nothing in the base manifest', () => {
    expect(checkReferences(edited(() => {}))).toEqual([]);
  });

  it('walks references of every kind', () => {
    const kinds = new Set(manifestReferences(edited(() => {})).map((ref) => ref.kind));
    expect(kinds).toContain('category');
    expect(kinds).toContain('contact');
    for (const kind of kinds) expect(REFERENCE_KINDS).toContain(kind);
  });

  it('reports a dangling category reference with its path and a suggestion', () => {
    const manifest = edited((m) => {
      m.purposes[0]!.categories = ['emial'];
    });
    expect(checkReferences(manifest)).toEqual([
      {
        code: 'ref.unknown-category',
        severity: 'error',
        path: 'purposes[0].categories[0]',
        message: 'category "emial" is not declared under categories. Did you mean "email"?',
      },
    ]);
  });

  it('reports unknown purposes, recipients and contact channels', () => {
    const manifest = edited((m) => {
      m.rights = [{ right: 'access', channels: ['privacy-form'] }];
      m.recipients![0]!.purposes = ['no-such-purpose'];
      m.transfers!.transfers![0]!.recipients = ['clod'];
    });
    const codes = checkReferences(manifest).map((issue) => [issue.code, issue.path]);
    expect(codes).toEqual(
      expect.arrayContaining([
        ['ref.unknown-purpose', 'recipients[0].purposes[0]'],
        ['ref.unknown-recipient', 'transfers.transfers[0].recipients[0]'],
        ['ref.unknown-contact', 'rights[0].channels[0]'],
      ]),
    );
    const recipient = checkReferences(manifest).find((i) => i.code === 'ref.unknown-recipient');
    expect(recipient?.message).toContain('Did you mean "cloud"?');
  });

  it('reports a repeated id at the later entry', () => {
    const manifest = edited((m) => {
      m.categories.push({ ...m.categories[0]! });
    });
    const last = manifest.categories.length - 1;
    expect(checkReferences(manifest)).toEqual([
      expect.objectContaining({ code: 'id.duplicate', path: `categories[${last}].id` }),
    ]);
  });
});
