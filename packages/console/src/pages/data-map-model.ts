/** A dataset of the manifest, with every category its fields hold. */
export interface DataMapDataset {
  readonly id: string;
  /** Its datastore kind, e.g. postgres. */
  readonly kind: string;
  readonly description?: string;
  readonly categories: readonly string[];
}

/** A data category of the manifest. */
export interface DataMapCategory {
  readonly id: string;
  readonly name: string;
  readonly sensitive: boolean;
}

/** A recipient of the manifest: what it receives, why, where, and its contracts. */
export interface DataMapRecipient {
  readonly id: string;
  readonly name: string;
  /** processor, third-party, sdk, affiliate or authority. */
  readonly kind: string;
  readonly country?: string;
  readonly categories: readonly string[];
  readonly purposes: readonly string[];
  readonly contractsRequired: readonly string[];
  readonly contractsOnFile: readonly string[];
}

/** A transfer abroad the manifest declares. */
export interface DataMapTransfer {
  readonly id: string;
  readonly to: string;
  readonly recipients: readonly string[];
  readonly categories: readonly string[];
  readonly mechanisms: readonly string[];
}

/** What the data map shows, in manifest order. */
export interface DataMapModel {
  /** The policy version drawn. */
  readonly version: string;
  readonly datasets: readonly DataMapDataset[];
  readonly categories: readonly DataMapCategory[];
  readonly recipients: readonly DataMapRecipient[];
  readonly transfers: readonly DataMapTransfer[];
}
