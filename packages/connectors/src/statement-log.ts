import type { ConnectorKind, StatementEvent, StatementListener, StatementOperation } from './types.js';

/** Counts the statements a connector issues and tells registered listeners. */
export class StatementLog {
  readonly #kind: ConnectorKind;
  readonly #listeners = new Set<StatementListener>();
  #count = 0;

  constructor(kind: ConnectorKind) {
    this.#kind = kind;
  }

  /** Statements recorded so far. */
  get count(): number {
    return this.#count;
  }

  /** Registers a listener; returns its remover. */
  listen(listener: StatementListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Records one statement; `text` must be a template without values. */
  record(operation: StatementOperation, collection: string, text: string): void {
    this.#count++;
    const event: StatementEvent = { kind: this.#kind, operation, collection, text };
    for (const listener of this.#listeners) listener(event);
  }
}
