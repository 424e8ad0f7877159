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

/** Connectors opened for one run, one per dataset, closed together. */
export class ConnectorPool {
  readonly #factory: ConnectorFactory;
  readonly #datasets: Map<string, Dataset>;
  readonly #open = new Map<string, Connector>();
  readonly #listeners: Array<(dataset: string, connector: Connector) => void> = [];

  constructor(datasets: readonly Dataset[], factory: ConnectorFactory) {
    this.#factory = factory;
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
    const connector = dataset ? this.#factory(dataset) : undefined;
    if (!dataset || !connector) {
      const variable = dataset?.datastore.connection ?? '(none)';
      throw new DsrError(
        'connection-missing',
        `no connection for dataset ${datasetId} (variable ${variable})`,
      );
    }
    await connector.connect();
    this.#open.set(datasetId, connector);
    for (const listener of this.#listeners) listener(datasetId, connector);
    return connector;
  }

  async closeAll(): Promise<void> {
    const all = [...this.#open.values()];
    this.#open.clear();
    await Promise.allSettled(all.map((c) => c.close()));
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
