import { createHash } from 'node:crypto';

/** How many distinct statement texts a connector prepares; texts beyond run unprepared. */
const MAX_PREPARED = 256;

/**
 * Names of prepared statements by text. A connector's texts repeat from request to request
 * (values are parameters, key batches one array), so each is parsed and planned once per
 * connection instead of on every call. The name is derived from the text, so one text has one
 * name on every pooled connection; a text set aside by {@link forget} stays unprepared.
 */
export class StatementNames {
  readonly #names = new Map<string, string | null>();

  /** The name to prepare `text` under, or undefined to run it unprepared. */
  nameOf(text: string): string | undefined {
    const known = this.#names.get(text);
    if (known !== undefined) return known ?? undefined;
    if (this.#names.size >= MAX_PREPARED) return undefined;
    const name = `pledge_${createHash('sha256').update(text).digest('hex').slice(0, 40)}`;
    this.#names.set(text, name);
    return name;
  }

  /** Runs `text` unprepared from now on. */
  forget(text: string): void {
    this.#names.set(text, null);
  }
}

/**
 * Whether PostgreSQL refused a prepared statement because the table it reads changed shape
 * (`cached plan must not change result type`, SQLSTATE 0A000).
 */
export function isStalePlan(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  return e?.code === '0A000' && typeof e.message === 'string' && e.message.includes('cached plan');
}
