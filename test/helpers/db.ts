import { randomBytes } from "node:crypto";
import { inject, onTestFinished } from "vitest";
import { quoteIdent, quoteLiteral, withClient, withDatabase } from "../../src/db/index.js";

export function serverUrl(): string {
  return inject("serverUrl");
}

export interface TestDatabase {
  name: string;
  url: string;
  drop: () => Promise<void>;
}

export interface DatabaseOptions {
  /**
   * The database's encoding, such as "LATIN1". Such a database is copied from template0 with the C locale,
   * which suits every encoding; without it the server's default encoding, locale and template apply.
   */
  encoding?: string;
}

/** Creates a uniquely named database on the test server. The caller drops it (see freshDatabase). */
export async function createTestDatabase(sql?: string, options: DatabaseOptions = {}): Promise<TestDatabase> {
  const name = `mm_test_${randomBytes(6).toString("hex")}`;
  const root = serverUrl();
  const encoding =
    options.encoding === undefined
      ? ""
      : ` ENCODING ${quoteLiteral(options.encoding)} LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0`;
  await withClient(root, (client) => client.query(`CREATE DATABASE ${quoteIdent(name)}${encoding}`));
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

type Finished = (fn: () => Promise<void>) => void;

export interface FreshDatabaseOptions extends DatabaseOptions {
  /**
   * Registers the drop; onTestFinished unless given. Concurrent tests pass their own context's
   * onTestFinished: the global one may attach to another test that is running at the time.
   */
  finished?: Finished;
}

/**
 * A throwaway database for the current test, dropped when the test finishes. The second argument is either
 * the options or, as a shorthand, just the options' finished function.
 */
export async function freshDatabase(
  sql?: string,
  options: FreshDatabaseOptions | Finished = {},
): Promise<TestDatabase> {
  const { finished = onTestFinished, ...create } =
    typeof options === "function" ? { finished: options } : options;
  const db = await createTestDatabase(sql, create);
  finished(db.drop);
  return db;
}
