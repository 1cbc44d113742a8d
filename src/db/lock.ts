import { MigrateError } from "../errors.js";
import type { DbClient } from "./connect.js";

/** First key of every advisory lock this tool takes, so our locks are recognisable in pg_locks. */
const LOCK_NAMESPACE = 0x4d4d43; // "MMC"

export interface LockHolder {
  pid: number;
  applicationName: string;
  backendStart: string;
  lockedSince: string | null;
}

export interface AdvisoryLockOptions {
  /** How long to wait for another holder before giving up. */
  timeoutMs: number;
  pollMs?: number;
}

function lockKey(name: string): number {
  // A stable 31-bit hash (FNV-1a), so every process derives the same key for the same name.
  let hash = 0x811c9dc5;
  for (const char of name) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash & 0x7fffffff;
}

/**
 * Holds a session advisory lock named `name` while `fn` runs. A second holder waits up to the timeout and
 * then fails with a message naming the pid, application and start time of the session holding the lock.
 */
export async function withAdvisoryLock<T>(
  client: DbClient,
  name: string,
  options: AdvisoryLockOptions,
  fn: () => Promise<T>,
): Promise<T> {
  const key = lockKey(name);
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const { rows } = await client.query<{ locked: boolean }>(
      "SELECT pg_try_advisory_lock($1, $2) AS locked",
      [LOCK_NAMESPACE, key],
    );
    if (rows[0]?.locked) break;
    if (Date.now() >= deadline) {
      const holder = await findLockHolder(client, name);
      const who = holder
        ? `pid ${holder.pid} (application "${holder.applicationName || "unknown"}", connected ${holder.backendStart})`
        : "another session";
      throw new MigrateError(
        "LOCK_TIMEOUT",
        `lock "${name}" is held by ${who}; waited ${Math.round(options.timeoutMs / 1000)} s — let it finish, or stop it with SELECT pg_terminate_backend(${holder?.pid ?? "<pid>"})`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 100));
  }
  try {
    return await fn();
  } finally {
    await client.query("SELECT pg_advisory_unlock($1, $2)", [LOCK_NAMESPACE, key]).catch(() => {});
  }
}

/** The session holding our advisory lock `name`, if any. */
export async function findLockHolder(client: DbClient, name: string): Promise<LockHolder | null> {
  const { rows } = await client.query<{
    pid: number;
    application_name: string;
    backend_start: Date;
    state_change: Date | null;
  }>(
    `SELECT a.pid, a.application_name, a.backend_start, a.state_change
       FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE l.locktype = 'advisory' AND l.granted AND l.classid = $1::oid AND l.objid = $2::oid AND l.objsubid = 2
        AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    [LOCK_NAMESPACE, lockKey(name)],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    pid: row.pid,
    applicationName: row.application_name,
    backendStart: row.backend_start.toISOString(),
    lockedSince: row.state_change ? row.state_change.toISOString() : null,
  };
}
