import type { ManifestInput } from '@pledge/core';
import { listPolicies, type Store } from '@pledge/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { shopManifest } from '../../decide/test/fixture.js';
import { backendKinds, freshStore } from '../../store/test/backends.js';
import { createEngine, type Engine, PublishRefusedError } from '../src/index.js';

const KEY = 'engine-publish-key-0123456789';

/** The shop under a new label, without the overrides of `rules`. */
function shopWithout(version: string, rules: readonly string[], change?: (m: ManifestInput) => void) {
  return shopManifest((m) => {
    m.policy.version = version;
    m.lintOverrides = (m.lintOverrides ?? []).filter((o) => !rules.includes(o.rule));
    change?.(m);
  });
}

describe.each(backendKinds)('publishing through the lint gate, on %s', (kind) => {
  let store: Store;
  let engine: Engine;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ store, cleanup } = await freshStore(kind, { migrate: false }));
    engine = await createEngine({ store, manifest: shopManifest(), subjectKey: KEY });
  });
  afterEach(async () => cleanup());

  it('refuses a manifest with lint errors no override accepts, naming every rule and path, and stores nothing', async () => {
    const result = await engine.publishPolicy(shopWithout('9.0', ['breach.missing', 'contact.placeholder']));
    expect(result).toMatchObject({ ok: false, code: 'manifest.lint-errors', path: 'breach' });
    if (result.ok) return;
    expect(result.message).toContain('breach.missing, contact.placeholder');
    expect(result.issues?.map((i) => [i.code, i.path])).toEqual([
      ['breach.missing', 'breach'],
      ['contact.placeholder', 'controller.contacts[0].value'],
    ]);
    expect(await listPolicies(store.db)).toHaveLength(1);
    expect(engine.policy.version.version).toBe('2.0');
  });

  it('publishes when an override names the rule and path, and stores the accepted errors with the version', async () => {
    const reason = 'the shop has no privacy mailbox yet; requests go through the privacy centre';
    const accepted = shopWithout('9.0', ['contact.placeholder'], (m) => {
      m.lintOverrides?.push({ rule: 'contact.placeholder', paths: ['controller.contacts[0].value'], reason });
    });
    const result = await engine.publishPolicy(accepted);
    expect(result).toMatchObject({ ok: true, created: true });
    const stored = (await listPolicies(store.db)).find((v) => v.version === '9.0');
    const contact = stored?.acceptedLint.filter((a) => a.rule === 'contact.placeholder');
    expect(contact).toEqual([
      {
        rule: 'contact.placeholder',
        path: 'controller.contacts[0].value',
        message: expect.any(String),
        reason,
      },
    ]);
    expect(stored?.acceptedLint.map((a) => a.rule)).toContain('breach.missing');
    // The same rule accepted at another path does not cover this one.
    const elsewhere = shopWithout('9.1', ['contact.placeholder'], (m) => {
      m.lintOverrides?.push({ rule: 'contact.placeholder', paths: ['controller.contacts[1].value'], reason });
    });
    expect(await engine.publishPolicy(elsewhere)).toMatchObject({
      ok: false,
      code: 'manifest.lint-errors',
      issues: [{ code: 'contact.placeholder', path: 'controller.contacts[0].value' }],
    });
  });

  it('refuses a version label already published with other content; the same content again is a no-op', async () => {
    // The issue's finding: four different manifests were published under one version label.
    for (const title of ['Shop A', 'Shop B', 'Shop C']) {
      const relabelled = shopManifest((m) => {
        m.policy.title = title;
      });
      expect(await engine.publishPolicy(relabelled)).toMatchObject({
        ok: false,
        code: 'policy.version-label-reused',
        path: 'policy.version',
      });
    }
    expect(await engine.publishPolicy(shopManifest())).toMatchObject({ ok: true, created: false });
    expect(await listPolicies(store.db)).toHaveLength(1);
  });

  it('refuses to open with a new manifest the gate refuses, naming each rule and path', async () => {
    const opening = createEngine({
      store,
      manifest: shopWithout('9.0', ['breach.missing']),
      subjectKey: KEY,
    });
    await expect(opening).rejects.toBeInstanceOf(PublishRefusedError);
    await expect(opening).rejects.toThrow(/manifest\.lint-errors.*\n {2}breach: .*\(breach\.missing\)/);
    const relabelled = shopManifest((m) => {
      m.policy.title = 'Shop B';
    });
    await expect(createEngine({ store, manifest: relabelled, subjectKey: KEY })).rejects.toThrow(
      /policy\.version-label-reused/,
    );
    expect(await listPolicies(store.db)).toHaveLength(1);
  });

  it('opens with a manifest published before without checking it again', async () => {
    const unchecked = shopWithout('9.0', ['breach.missing']);
    expect(await engine.publish(unchecked)).toMatchObject({ ok: true, created: true });
    const reopened = await createEngine({ store, manifest: unchecked, subjectKey: KEY });
    expect(reopened.policy.version.version).toBe('9.0');
  });
});
