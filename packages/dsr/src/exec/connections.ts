import { type Connector, createConnector } from '@pledge/connectors';
import type { Dataset } from '@pledge/core';

/** Opens the connector of a dataset; undefined when it cannot be configured. */
export type ConnectorFactory = (dataset: Dataset) => Connector | undefined;

/**
 * The default factory: the connection string (or folder, for files) is read from the
 * environment variable the dataset names in `datastore.connection`.
 */
export function connectorsFromEnv(env: NodeJS.ProcessEnv = process.env): ConnectorFactory {
  return (dataset) => {
    const name = dataset.datastore.connection;
    const value = name ? env[name] : undefined;
    if (!value) return undefined;
    return createConnector(dataset.datastore.kind, value);
  };
}

/**
 * Connectors kept open across requests (for a worker's lifetime), one per dataset id and
 * connection, so a request does not pay for connecting. Closed with {@link closeAll}; a
 * connector that a failed step used is closed and dropped, so a retry connects afresh.
 */
export class KeptConnectors {
  readonly #factory: ConnectorFactory;
  readonly #open = new Map<string, Promise<Connector | undefined>>();

  constructor(factory: ConnectorFactory) {
    this.#factory = factory;
  }

  /** The connected connector of a dataset, opened on first use; undefined when none can be made. */
  get(dataset: Dataset): Promise<Connector | undefined> {
    const key = keyOf(dataset);
    const known = this.#open.get(key);
    if (known) return known;
    const connector = this.#factory(dataset);
    if (!connector) return Promise.resolve(undefined);
    const opening = connector.connect().then(
      () => connector,
      (error: unknown) => {
        this.#open.delete(key);
        throw error;
      },
    );
    this.#open.set(key, opening);
    return opening;
  }

  /** Closes and forgets the connector of a dataset (after a failure it may be broken). */
  async drop(dataset: Dataset): Promise<void> {
    const key = keyOf(dataset);
    const opening = this.#open.get(key);
    this.#open.delete(key);
    const connector = await opening?.catch(() => undefined);
    await connector?.close().catch(() => {});
  }

  async closeAll(): Promise<void> {
    const all = [...this.#open.values()];
    this.#open.clear();
    await Promise.allSettled(all.map(async (c) => (await c)?.close()));
  }
}

function keyOf(dataset: Dataset): string {
  const store = dataset.datastore;
  return JSON.stringify([dataset.id, store.kind, store.connection ?? null]);
}

/**
 * Connectors used by one run, one per dataset: opened for the run and closed together, or
 * borrowed from {@link KeptConnectors}, which outlive it.
 */
export class ConnectorPool {
  readonly #factory: ConnectorFactory;
  readonly #kept: KeptConnectors | undefined;
  readonly #datasets: Map<string, Dataset>;
  readonly #open = new Map<string, Connector>();
  readonly #listeners: Array<(dataset: string, connector: Connector) => void> = [];

  constructor(datasets: readonly Dataset[], factory: ConnectorFactory, kept?: KeptConnectors) {
    this.#factory = factory;
    this.#kept = kept;
    this.#datasets = new Map(datasets.map((d) => [d.id, d]));
  }

  /** Called with each connector once it is connected (to count its statements). */
  onOpen(listener: (dataset: string, connector: Connector) => void): void {
    this.#listeners.push(listener);
  }

  /** The connected connector of a dataset; throws a {@link DsrError} when none can be made. */
  async get(datasetId: string): Promise<Connector> {
    const known = this.#open.get(datasetId);
    if (known) return known;
    const dataset = this.#datasets.get(datasetId);
    let connector: Connector | undefined;
    if (dataset && this.#kept) connector = await this.#kept.get(dataset);
    else if (dataset) {
      connector = this.#factory(dataset);
      await connector?.connect();
    }
    if (!dataset || !connector) {
      const variable = dataset?.datastore.connection ?? '(none)';
      throw new DsrError(
        'connection-missing',
        `no connection for dataset ${datasetId} (variable ${variable})`,
      );
    }
    this.#open.set(datasetId, connector);
    for (const listener of this.#listeners) listener(datasetId, connector);
    return connector;
  }

  /**
   * Ends the run: closes its own connectors. Kept ones stay open, unless `drop` (a step
   * failed, so a connector may be broken): then those this run used are closed and dropped.
   */
  async closeAll(drop = false): Promise<void> {
    const ids = [...this.#open.keys()];
    const own = [...this.#open.values()];
    this.#open.clear();
    const kept = this.#kept;
    if (!kept) {
      await Promise.allSettled(own.map((c) => c.close()));
      return;
    }
    if (!drop) return;
    await Promise.allSettled(
      ids.map((id) => {
        const dataset = this.#datasets.get(id);
        return dataset ? kept.drop(dataset) : undefined;
      }),
    );
  }
}

/** An expected failure of a step that is not the connector's: it carries a stable code. */
export class DsrError extends Error {
  override readonly name = 'DsrError';
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}
