/**
 * Named crash points for the crash-safety tests. When MIGRATE_MCP_FAILPOINT equals the name of a point the
 * runner reaches, the process kills itself with SIGKILL: no cleanup, no finally blocks, exactly what a
 * crash or `kill -9` does. Unset (always, outside tests) it costs one environment lookup.
 *
 * Names: `<direction>:<step>:<point>` where point is `started` (journal says running, no SQL yet),
 * `before-commit` (SQL ran inside the step transaction), `committed` (step and journal committed, the
 * fingerprint not yet recorded), `finished`, `statement-<n>-ran` (statement n of a non-transactional
 * step ran, the journal does not count it yet), `statement-<n>` (the journal counts n statements) or
 * `batch-<n>` (n backfill batches committed).
 */
export function failpoint(name: string): void {
  if (process.env.MIGRATE_MCP_FAILPOINT === name) process.kill(process.pid, "SIGKILL");
}
