import type { RequestExecutionRow } from '@pledge/console';
import { type RequestView, requestEvents } from '@pledge/requests';
import type { Execution } from '../request-runner/execution.js';
import type { Runtime } from '../runtime.js';

/** Events of the runner that say why a request is not carried out, latest wins. */
const NOTES: Readonly<Record<string, (detail: Record<string, unknown>) => string>> = {
  'awaiting-approval': () => 'waits for an officer to approve its plan',
  'execution-needs-review': (d) => `the identity matched ${String(d.rootsMatched ?? 'several')} accounts`,
  'execution-stopped': (d) => {
    const failures = Array.isArray(d.failures) ? (d.failures as Array<{ at: string; code: string }>) : [];
    const where = failures.map((f) => `${f.at}: ${f.code}`).join(', ');
    return `DSR job ${String(d.status ?? 'stopped')}${d.code ? ` (${String(d.code)})` : ''}${where ? `: ${where}` : ''}`;
  },
  'execution-manual': (d) => String(d.reason ?? d.code ?? 'carried out by an officer'),
};

/**
 * Where each open request's execution stands, for the console queue: the DSR job's status, why
 * it stopped, and the plan waiting for approval (datasets, rows, accounts matched).
 */
export async function executionRows(
  rt: Runtime,
  execution: Execution,
  rows: readonly RequestView[],
): Promise<Map<string, RequestExecutionRow>> {
  const out = new Map<string, RequestExecutionRow>();
  const open = rows.filter((r) => ['verified', 'extended', 'in-progress'].includes(r.state));
  for (const r of open) {
    const events = await requestEvents(rt.store.db, r.id);
    const last = [...events].reverse().find((e) => e.action in NOTES);
    const note = last ? NOTES[last.action]?.(last.detail) : undefined;
    const job = r.dsrRequestId ? await (await execution.queue()).state(r.dsrRequestId) : undefined;
    const plan = await execution.summary(r);
    if (!note && !job && !plan) continue;
    out.set(r.id, {
      ...(job ? { dsrStatus: job.status } : {}),
      ...(note ? { note } : {}),
      ...(plan ? { plan } : {}),
    });
  }
  return out;
}
