import { describe, expect, it } from 'vitest';
import { applyPatch } from '../src/examples/apply-patch.js';

describe('applyPatch', () => {
  const base = {
    a: { b: 1, c: 2 },
    list: [
      { id: 'x', v: 1 },
      { id: 'y', v: 2 },
    ],
    rights: [
      { right: 'access', deadline: 15 },
      { right: 'erasure', deadline: 15 },
    ],
    tags: ['one', 'two'],
  };

  it('merges objects key by key and removes keys set to null', () => {
    expect(applyPatch(base, { a: { c: 3 } }).a).toEqual({ b: 1, c: 3 });
    expect(applyPatch(base, { a: { b: null } }).a).toEqual({ c: 2 });
  });

  it('merges list entries by id, or by right in rights, and appends new ones', () => {
    const out = applyPatch(base, {
      list: [
        { id: 'y', v: 9 },
        { id: 'z', v: 3 },
      ],
      rights: [{ right: 'access', deadline: null }],
    });
    expect(out.list).toEqual([
      { id: 'x', v: 1 },
      { id: 'y', v: 9 },
      { id: 'z', v: 3 },
    ]);
    expect(out.rights).toEqual([{ right: 'access' }, { right: 'erasure', deadline: 15 }]);
  });

  it('appends a second patch entry with the same id, so duplicates can be written', () => {
    expect(applyPatch(base, { list: [{ id: 'x' }, { id: 'x', v: 5 }] }).list).toEqual([
      { id: 'x', v: 1 },
      { id: 'y', v: 2 },
      { id: 'x', v: 5 },
    ]);
  });

  it('replaces lists without ids and leaves the base untouched', () => {
    expect(applyPatch(base, { tags: ['three'] }).tags).toEqual(['three']);
    expect(base.tags).toEqual(['one', 'two']);
    expect(base.list[1]).toEqual({ id: 'y', v: 2 });
  });
});
