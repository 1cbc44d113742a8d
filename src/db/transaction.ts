import type { DbClient } from "./connect.js";

/** Runs `fn` inside BEGIN … COMMIT, rolling back on any error. */
export async function withTransaction<T>(client: DbClient, fn: (client: DbClient) => Promise<T>): Promise<T> {
  await client.query("BEGIN");
  try {
    const result = await fn(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

/**
 * Runs one statement in autocommit mode, for statements PostgreSQL refuses inside a transaction block
 * (CREATE INDEX CONCURRENTLY, ALTER TYPE … ADD VALUE on old servers, CREATE DATABASE).
 * Passing several statements would run them as one implicit transaction, so callers pass exactly one.
 */
export async function runStandalone(client: DbClient, sql: string): Promise<void> {
  await client.query(sql);
}
