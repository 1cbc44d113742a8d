import { randomBytes } from "node:crypto";
import { inject, onTestFinished } from "vitest";
import { quoteIdent, withClient, withDatabase } from "../../src/db/index.js";

export function serverUrl(): string {
  return inject("serverUrl");
}

export interface TestDatabase {
  name: string;
  url: string;
  drop: () => Promise<void>;
}

/** Creates a uniquely named database on the test server. The caller drops it (see freshDatabase). */
export async function createTestDatabase(sql?: string): Promise<TestDatabase> {
  const name = `mm_test_${randomBytes(6).toString("hex")}`;
  const root = serverUrl();
  await withClient(root, (client) => client.query(`CREATE DATABASE ${quoteIdent(name)}`));
  const url = withDatabase(root, name);
  const drop = () =>
    withClient(root, async (client) => {
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    });
  if (sql) {
    try {
      await withClient(url, (client) => client.query(sql));
    } catch (error) {
      await drop();
      throw error;
    }
  }
  return { name, url, drop };
}

/**
 * A throwaway database for the current test, dropped when the test finishes. Concurrent tests pass their
 * own context's onTestFinished: the global one may attach to another test that is running at the time.
 */
export async function freshDatabase(
  sql?: string,
  finished: (fn: () => Promise<void>) => void = onTestFinished,
): Promise<TestDatabase> {
  const db = await createTestDatabase(sql);
  finished(db.drop);
  return db;
}
