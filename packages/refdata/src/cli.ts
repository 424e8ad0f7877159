import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { type ConnectionVariables, connectionVariables, withoutCredentials } from './connections.js';
import { exampleDefinitions } from './examples/index.js';
import { generate } from './generate.js';
import { EXAMPLES, type ExampleName, type Targets } from './types.js';

const USAGE = `usage: refdata --example <${EXAMPLES.join('|')}> [--scale N] [--seed S]
       [--pg-url URL] [--pg-schema NAME] [--mysql-url URL] [--mysql-database NAME]
       [--redis-url URL] [--redis-prefix TEXT] [--files-dir DIR] [--json]
Creates the example's reference datastores and fills them with synthetic data.
Replaces the example's tables, keys and folders in the targets; nothing else is touched.
Targets: a flag, else the variable the example's manifest names for the datastore (the one
data-subject requests read, e.g. PLEDGE_CAMERA_PG_URL), else PLEDGE_REFDATA_PG_URL,
PLEDGE_REFDATA_MYSQL_URL, PLEDGE_REFDATA_REDIS_URL, else the local test servers; files under
the system temp folder. Defaults: scale 20, seed 1.
`;

/** Where the text goes; tests pass their own. */
export interface RefdataIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

/**
 * Runs `refdata` with arguments (without node and script) and returns the exit code:
 * 0 done, 1 a store failed, 2 usage error. Never throws.
 */
export async function runRefdataCli(
  args: readonly string[],
  io: RefdataIo = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) },
): Promise<number> {
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse(args).values;
  } catch (error) {
    io.stderr(`refdata: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  const example = values.example as ExampleName | undefined;
  if (!example || !EXAMPLES.includes(example)) {
    io.stderr(`refdata: --example must be one of ${EXAMPLES.join(', ')}\n${USAGE}`);
    return 2;
  }
  const scale = Number(values.scale ?? '20');
  if (!Number.isInteger(scale) || scale < 0) {
    io.stderr('refdata: --scale must be a non-negative integer\n');
    return 2;
  }
  const seed = values.seed === undefined ? 1 : /^\d+$/.test(values.seed) ? Number(values.seed) : values.seed;
  const env = process.env;
  try {
    const vars = await connectionVariables(example);
    const fromManifest = (name: string | undefined) => (name ? env[name] || undefined : undefined);
    const dialect = exampleDefinitions[example].sql.dialect;
    const sqlVariable = (wanted: 'postgres' | 'mysql') =>
      dialect === wanted ? fromManifest(vars.sql) : undefined;
    const targets = {
      pgUrl:
        values['pg-url'] ??
        sqlVariable('postgres') ??
        env.PLEDGE_REFDATA_PG_URL ??
        'postgres://postgres@127.0.0.1:5432/test',
      pgSchema: values['pg-schema'],
      mysqlUrl:
        values['mysql-url'] ??
        sqlVariable('mysql') ??
        env.PLEDGE_REFDATA_MYSQL_URL ??
        'mysql://root@127.0.0.1:3306/pledge_refdata',
      mysqlDatabase: values['mysql-database'],
      redisUrl:
        values['redis-url'] ??
        fromManifest(vars.redis) ??
        env.PLEDGE_REFDATA_REDIS_URL ??
        'redis://127.0.0.1:6379',
      redisPrefix: values['redis-prefix'],
      filesDir: resolve(
        values['files-dir'] ?? fromManifest(vars.files) ?? join(tmpdir(), 'pledge-refdata', example),
      ),
    };
    if (!values.json) io.stderr(describeTargets(example, targets, vars));
    const result = await generate({
      example,
      scale,
      seed,
      targets,
      onProgress: values.json
        ? undefined
        : (done, total) => io.stderr(`\rrefdata: ${done}/${total} subjects${done === total ? '\n' : ''}`),
    });
    if (values.json) {
      io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    } else {
      const lines = Object.entries(result.counts).map(([key, n]) => `  ${key.padEnd(40)} ${n}`);
      io.stdout(
        `${example}: ${result.scale} subjects, seed ${result.seed}, ${result.sqlRows} SQL rows, ` +
          `${result.redisKeys} Redis keys, ${result.files} files in ${(result.durationMs / 1000).toFixed(1)} s\n` +
          `${lines.join('\n')}\n`,
      );
    }
    return 0;
  } catch (error) {
    io.stderr(`refdata: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

/** Where the data goes, one line per datastore, without credentials (stderr, before writing). */
function describeTargets(example: ExampleName, targets: Targets, vars: ConnectionVariables): string {
  const definition = exampleDefinitions[example];
  const from = (name: string | undefined) => (name && process.env[name] ? ` (from ${name})` : '');
  const sqlUrl = definition.sql.dialect === 'postgres' ? targets.pgUrl : targets.mysqlUrl;
  const lines = [
    `refdata: ${definition.sql.dataset} -> ${withoutCredentials(sqlUrl ?? '')}${from(vars.sql)}`,
  ];
  if (definition.redis)
    lines.push(
      `refdata: ${definition.redis.dataset} -> ${withoutCredentials(targets.redisUrl ?? '')}${from(vars.redis)}`,
    );
  if (definition.files)
    lines.push(`refdata: ${definition.files.dataset} -> ${targets.filesDir}${from(vars.files)}`);
  return `${lines.join('\n')}\n`;
}

function parse(args: readonly string[]) {
  return parseArgs({
    args: [...args],
    strict: true,
    allowPositionals: false,
    options: {
      example: { type: 'string' },
      scale: { type: 'string' },
      seed: { type: 'string' },
      'pg-url': { type: 'string' },
      'pg-schema': { type: 'string' },
      'mysql-url': { type: 'string' },
      'mysql-database': { type: 'string' },
      'redis-url': { type: 'string' },
      'redis-prefix': { type: 'string' },
      'files-dir': { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = await runRefdataCli(process.argv.slice(2));
}
