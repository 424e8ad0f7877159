/** Where a signed-in user lands by default. */
export const CONSOLE_HOME = '/console';

/** A `next` parameter made safe: a path inside the console, never another site. */
export function safeNext(next: unknown): string {
  if (typeof next !== 'string' || next.length > 500) return CONSOLE_HOME;
  if (!/^\/console(\/|\?|$)/.test(next) || next.includes('\\') || next.startsWith('/console/sign-in'))
    return CONSOLE_HOME;
  return next;
}
