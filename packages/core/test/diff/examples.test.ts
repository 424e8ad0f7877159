import { exampleManifests } from '@pledge/testing/manifests';
import { describe, expect, it } from 'vitest';
import { isConsentBased } from '../../src/diff/consent.js';
import { parseManifest } from '../../src/manifest/load.js';
import { type Manifest, ManifestSchema } from '../../src/manifest/schema/index.js';
import { familyChanges } from './families.js';

const examples = exampleManifests().map(({ name, text, file }) => {
  const result = parseManifest(text, { file });
  return { name, manifest: result.ok ? result.manifest : undefined, issues: result.issues };
});

/** A validated, edited copy: a parsed manifest is valid input again. */
function editCopy(manifest: Manifest, edit: (copy: Manifest) => void): Manifest {
  const copy = structuredClone(manifest);
  edit(copy);
  return ManifestSchema.parse(copy);
}

describe.skipIf(examples.length === 0)('diffManifests on the example manifests', () => {
  describe.each(examples)('$name', ({ manifest, issues }) => {
    it('is valid', () => {
      expect(issues).toEqual([]);
    });
    if (!manifest) return;

    it('finds no change against itself or an identical copy', () => {
      expect(familyChanges(manifest, manifest)).toEqual([]);
      expect(
        familyChanges(
          manifest,
          editCopy(manifest, () => {}),
        ),
      ).toEqual([]);
    });

    it('a new consent purpose needs opt-in from everyone, and removing it again is not material', () => {
      const after = editCopy(manifest, (m) => {
        m.purposes.push({
          ...structuredClone(m.purposes[0]!),
          id: 'zz-new-profiling',
          legalBasis: { default: 'consent' },
          consent: { default: 'opt-in' },
        });
      });
      expect(familyChanges(manifest, after)).toEqual([
        expect.objectContaining({
          code: 'purpose-added',
          path: `purposes[${manifest.purposes.length}]`,
          needsConsent: true,
          consentFrom: 'all-subjects',
        }),
      ]);
      expect(familyChanges(after, manifest)).toMatchObject([{ code: 'purpose-removed', material: false }]);
    });

    it('longer retention is reported for the rule categories', () => {
      const index = manifest.retention.rules.findIndex(
        (rule) => rule.duration && rule.categories.some((c) => manifest.categories.some((k) => k.id === c)),
      );
      if (index < 0) return;
      const after = editCopy(manifest, (m) => {
        const rule = m.retention.rules[index]!;
        rule.duration = { ...rule.duration!, amount: rule.duration!.amount * 100 };
      });
      const changes = familyChanges(manifest, after);
      expect(changes.length).toBeGreaterThan(0);
      expect(
        changes.every((c) => c.code === 'retention-longer' && c.path.startsWith('retention.rules')),
      ).toBe(true);
    });

    it('removing a right is material, with consent of all when the policy promised so', () => {
      const kind = manifest.rights[0]?.right;
      if (!kind) return;
      const after = editCopy(manifest, (m) => {
        m.rights = m.rights.filter((r) => r.right !== kind);
      });
      const promised = manifest.policy.changes.noRightsReductionWithoutConsent;
      expect(familyChanges(manifest, after)).toEqual([
        expect.objectContaining({
          code: 'right-removed',
          material: true,
          consentFrom: promised ? 'all-subjects' : 'none',
        }),
      ]);
    });

    it('a new recipient for a consent purpose needs re-consent from its subjects', () => {
      const purpose = manifest.purposes.find((p) => isConsentBased(p, manifest));
      if (!purpose) return;
      const after = editCopy(manifest, (m) => {
        m.recipients.push({
          id: 'zz-new-processor',
          name: 'New processor',
          kind: 'processor',
          categories: [...purpose.categories],
          purposes: [purpose.id],
          declaresNoCollection: false,
          contracts: { required: [], onFile: [] },
          consentRequired: false,
        });
      });
      const [added] = familyChanges(manifest, after);
      expect(added).toMatchObject({
        code: 'recipient-added',
        needsConsent: true,
        consentFrom: 'subjects-of-purpose',
      });
      expect(added?.affected.purposes).toContain(purpose.id);
    });
  });
});
