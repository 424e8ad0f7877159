import type { DataMapModel } from '@pledge/console';
import { buildModel, type Manifest } from '@pledge/core';
import { englishText } from './text.js';

/**
 * The data map of a manifest: each dataset with the categories its fields hold (in first-seen
 * order), every category with its sensitivity (the manifest's flag, else the taxonomy's), and
 * the recipients and transfers as declared. Pure: the same manifest gives the same map.
 */
export function dataMapOf(manifest: Manifest, version: string): DataMapModel {
  const model = buildModel(manifest);
  return {
    version,
    datasets: manifest.datasets.map((d) => ({
      id: d.id,
      kind: d.datastore.kind,
      ...(d.description ? { description: d.description } : {}),
      categories: [...new Set(d.collections.flatMap((c) => c.fields.flatMap((f) => f.categories)))],
    })),
    categories: manifest.categories.map((c) => ({
      id: c.id,
      name: englishText(c.name, c.id),
      sensitive: model.sensitivityOf(c),
    })),
    recipients: manifest.recipients.map((r) => ({
      id: r.id,
      name: englishText(r.name, r.id),
      kind: r.kind,
      ...(r.country ? { country: r.country } : {}),
      categories: r.categories,
      purposes: r.purposes,
      contractsRequired: r.contracts.required,
      contractsOnFile: r.contracts.onFile,
    })),
    transfers: manifest.transfers.transfers.map((t) => ({
      id: t.id,
      to: t.to,
      recipients: t.recipients,
      categories: t.categories,
      mechanisms: t.mechanisms,
    })),
  };
}
