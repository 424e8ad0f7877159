import type { Connector, StatementEvent } from '@pledge/connectors';
import type { Store } from '@pledge/store';
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs } from 'kysely';

/** Statements sent to the datastores, by kind: SQL statements, Redis round trips, file-system calls. */
export interface StatementCounts {
  sql: number;
  redis: number;
  files: number;
}

/** What one Pledge request spent where, measured from outside packages/dsr. */
export interface RunBreakdown {
  /** Queries on Pledge's own store (requests, steps, packages): job and step bookkeeping. */
  storeQueries: number;
  storeMs: number;
  /** Store queries by statement (`update pledge_dsr_steps set status, updated_at`, ...): count. */
  storeByQuery: Record<string, number>;
  /** Connecting and closing the datastore connectors (a fresh pool per request). */
  connectMs: number;
  connects: number;
  /** Time inside connector locate/read/erase calls (the datastore work itself). */
  datastoreMs: number;
  /** The same per connector kind (`postgres`, `redis`, `files`). */
  datastoreMsByKind: Record<string, number>;
  /**
   * Wall time during which at least one datastore call was in flight: less than
   * `datastoreMs` when calls overlap (Pledge sends independent reads together).
   */
  datastoreWallMs: number;
  /** Statements the connectors sent, by operation (`postgres.locate`, `redis.erase`, ...). */
  byOperation: Record<string, number>;
  statements: StatementCounts;
}

function emptyBreakdown(): RunBreakdown {
  return {
    storeQueries: 0,
    storeMs: 0,
    storeByQuery: {},
    connectMs: 0,
    connects: 0,
    datastoreMs: 0,
    datastoreMsByKind: {},
    datastoreWallMs: 0,
    byOperation: {},
    statements: { sql: 0, redis: 0, files: 0 },
  };
}

/** Reads `path` of a Kysely operation node, loosely: the labels are for people, not for logic. */
function pick(node: unknown, ...path: string[]): unknown {
  let at = node;
  for (const key of path)
    at = at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined;
  return at;
}

/** A short label of a store query: its verb, table and, for an update, the columns it sets. */
function queryLabel(node: PluginTransformQueryArgs['node']): string {
  const table = (path: string[]) => String(pick(node, ...path, 'table', 'identifier', 'name') ?? '?');
  switch (node.kind) {
    case 'SelectQueryNode':
      return `select ${table(['from', 'froms', '0'])}`;
    case 'InsertQueryNode':
      return `insert ${table(['into'])}`;
    case 'DeleteQueryNode':
      return `delete ${table(['from', 'froms', '0'])}`;
    case 'UpdateQueryNode': {
      const updates = (pick(node, 'updates') ?? []) as unknown[];
      const columns = updates.map((u) => String(pick(u, 'column', 'column', 'name') ?? '?'));
      return `update ${table(['table'])} set ${columns.join(', ')}`;
    }
    case 'RawNode': {
      // A hand-written statement: its first words (`with saved as (update pledge_dsr_steps`).
      const text = String(pick(node, 'sqlFragments', '0') ?? '');
      return `sql: ${text.replace(/\s+/g, ' ').trim().slice(0, 48)}`;
    }
    default:
      return node.kind;
  }
}

const DATASTORE_CALLS = new Set(['locate', 'lookup', 'read', 'erase', 'rectify']);
const CONNECTION_CALLS = new Set(['connect', 'close']);

/**
 * Instruments one Pledge run at its two boundaries, without touching packages/dsr: the
 * store's Kysely instance (a plugin times each query from compilation to result) and the
 * connectors the run opens (a proxy times connect/close and each datastore call, and the
 * connectors' own statement events are counted). {@link reset} starts a new run.
 */
export class Probe {
  #run = emptyBreakdown();
  readonly #started = new Map<string, number>();
  /** Datastore calls in flight, and since when at least one has been. */
  #inFlight = 0;
  #busySince = 0;

  /** Starts a new run and returns the figures of the previous one. */
  reset(): RunBreakdown {
    const previous = this.#run;
    this.#run = emptyBreakdown();
    this.#started.clear();
    this.#inFlight = 0;
    return previous;
  }

  /** The store as runRequest should see it: the same database, with every query timed. */
  instrumentStore(store: Store): Store {
    const plugin: KyselyPlugin = {
      transformQuery: (args: PluginTransformQueryArgs) => {
        this.#started.set(args.queryId.queryId, performance.now());
        const label = queryLabel(args.node);
        this.#run.storeByQuery[label] = (this.#run.storeByQuery[label] ?? 0) + 1;
        return args.node;
      },
      transformResult: async (args: PluginTransformResultArgs) => {
        const started = this.#started.get(args.queryId.queryId);
        if (started !== undefined) {
          this.#started.delete(args.queryId.queryId);
          this.#run.storeQueries++;
          this.#run.storeMs += performance.now() - started;
        }
        return args.result;
      },
    };
    return { ...store, db: store.db.withPlugin(plugin) };
  }

  /** Wraps a connector so its connection and datastore calls are timed and its statements counted. */
  instrumentConnector(connector: Connector): Connector {
    connector.onStatement((event: StatementEvent) => this.#statement(event));
    return new Proxy(connector, {
      get: (target, property, _receiver) => {
        const value = Reflect.get(target, property, target);
        if (typeof value !== 'function') return value;
        const name = String(property);
        if (name === 'transaction') {
          // BEGIN and COMMIT (or ROLLBACK) are datastore time; the calls inside time themselves.
          return async (work: () => Promise<unknown>) => {
            let started = this.#enter();
            try {
              return await value.call(target, async () => {
                this.#leave(target.kind, started);
                try {
                  return await work();
                } finally {
                  started = this.#enter();
                }
              });
            } finally {
              this.#leave(target.kind, started);
            }
          };
        }
        if (!DATASTORE_CALLS.has(name) && !CONNECTION_CALLS.has(name)) return value.bind(target);
        return async (...args: unknown[]) => {
          const started = performance.now();
          const timed = DATASTORE_CALLS.has(name);
          if (timed && this.#inFlight++ === 0) this.#busySince = started;
          try {
            return await value.apply(target, args);
          } finally {
            const ended = performance.now();
            const ms = ended - started;
            if (timed && --this.#inFlight === 0) this.#run.datastoreWallMs += ended - this.#busySince;
            if (CONNECTION_CALLS.has(name)) {
              this.#run.connectMs += ms;
              if (name === 'connect') this.#run.connects++;
            } else {
              this.#run.datastoreMs += ms;
              const kind = target.kind;
              this.#run.datastoreMsByKind[kind] = (this.#run.datastoreMsByKind[kind] ?? 0) + ms;
            }
          }
        };
      },
    });
  }

  /** A datastore call starts: returns when. */
  #enter(): number {
    const started = performance.now();
    if (this.#inFlight++ === 0) this.#busySince = started;
    return started;
  }

  /** The datastore call of `kind` that started at `started` ends. */
  #leave(kind: string, started: number): void {
    const ended = performance.now();
    if (--this.#inFlight === 0) this.#run.datastoreWallMs += ended - this.#busySince;
    this.#run.datastoreMs += ended - started;
    this.#run.datastoreMsByKind[kind] = (this.#run.datastoreMsByKind[kind] ?? 0) + ended - started;
  }

  #statement(event: StatementEvent): void {
    const key = `${event.kind}.${event.operation}`;
    this.#run.byOperation[key] = (this.#run.byOperation[key] ?? 0) + 1;
    if (event.kind === 'redis') this.#run.statements.redis++;
    else if (event.kind === 'files') this.#run.statements.files++;
    else this.#run.statements.sql++;
  }
}
