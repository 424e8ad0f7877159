import { capabilitiesOf } from './capabilities.js';
import { storeError } from './errors.js';
import { StatementLog } from './statement-log.js';
import type {
  CollectionRef,
  CommonOptions,
  ConnectorKind,
  DatastoreCapabilities,
  StatementDescription,
  StatementListener,
  StatementOperation,
  StatementRepeat,
  WriteOptions,
} from './types.js';
import { checkBatchSize } from './validate.js';

/** Default keys per statement. */
export const DEFAULT_BATCH_SIZE = 1000;

/**
 * What every connector shares: the statement log behind `statementCount` and `onStatement`,
 * the batch size, and running one statement so that a driver error reaches the caller
 * without the values it may quote.
 */
export abstract class ConnectorBase {
  abstract readonly kind: ConnectorKind;
  readonly capabilities: DatastoreCapabilities;
  protected readonly log: StatementLog;
  /** Keys per statement unless a call says otherwise. */
  protected readonly batchSize: number;

  constructor(kind: ConnectorKind, options: CommonOptions) {
    this.capabilities = capabilitiesOf(kind);
    this.log = new StatementLog(kind);
    this.batchSize = checkBatchSize(options.batchSize ?? DEFAULT_BATCH_SIZE, 'options.batchSize');
  }

  get statementCount(): number {
    return this.log.count;
  }

  onStatement(listener: StatementListener): () => void {
    return this.log.listen(listener);
  }

  /** A statement `describe` returns: the event {@link statement} records for the same text. */
  protected described(
    operation: StatementOperation,
    collection: CollectionRef,
    text: string,
    per: StatementRepeat,
    exact = true,
  ): StatementDescription {
    return { kind: this.kind, operation, collection: collection.name, text, per, exact };
  }

  /** Records one statement and runs it, replacing a driver error by one without values. */
  protected async statement<T>(
    operation: StatementOperation,
    collection: CollectionRef,
    text: string,
    call: () => Promise<T>,
  ): Promise<T> {
    this.log.record(operation, collection.name, text);
    try {
      return await call();
    } catch (error) {
      throw storeError(this.kind, operation, collection.name, error);
    }
  }

  /** Keys per statement of one write call: its own `batchSize`, checked, else the connector's. */
  protected batchSizeOf(options: WriteOptions | undefined): number {
    return options?.batchSize === undefined
      ? this.batchSize
      : checkBatchSize(options.batchSize, 'options.batchSize');
  }
}
