import type { DatasetCollection, Manifest } from '@pledge/core';
import { DsrError } from './connections.js';

/** The manifest collection a step names. */
export function collectionOf(manifest: Manifest, dataset: string, collection: string): DatasetCollection {
  const found = manifest.datasets
    .find((d) => d.id === dataset)
    ?.collections.find((c) => c.name === collection);
  if (!found)
    throw new DsrError('collection-unknown', `${dataset}.${collection} is not in the request's manifest`);
  return found;
}
