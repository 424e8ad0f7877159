import type { DatasetCollection, TransferMechanism } from '@pledge/core';
import type { z } from 'zod';
import type { ManifestPatch, Patch } from '../types.js';

/**
 * Patch pieces that the examples of several rules share. Each call builds fresh objects, so
 * a rendered example never holds YAML aliases and no example can change another.
 */

type CollectionPatch = Patch<z.input<typeof DatasetCollection>>;

/** The `shop` dataset's collections: `users` (reachable by its `user-id`), then `collections`. */
export function shopDatasets(...collections: CollectionPatch[]): ManifestPatch {
  const users: CollectionPatch = {
    name: 'users',
    fields: [
      { name: 'id', identity: 'user-id' },
      { name: 'email', categories: ['email'] },
    ],
  };
  return { datasets: [{ id: 'shop', collections: [users, ...collections] }] };
}

/** A `page_views` collection tied to its subject through `user_id`, which refers to `userField`. */
export function pageViews(userField = 'shop.users.id'): CollectionPatch {
  return {
    name: 'page_views',
    fields: [
      { name: 'user_id', references: userField },
      { name: 'path', categories: ['usage'] },
    ],
  };
}

/** A PIPL policy with one transfer from China to the US relying on `mechanisms`. */
export function piplTransfer(mechanisms: TransferMechanism[]): ManifestPatch {
  return {
    policy: { jurisdictions: ['cn-pipl'] },
    transfers: {
      transfers: [{ id: 'support-us', from: 'CN', to: 'US', recipients: ['hosting'], mechanisms }],
    },
  };
}
