import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { embeddedServerStatus, ensureEmbeddedServer, stopEmbeddedServer } from "../../src/db/embedded.js";
import { quoteIdent, withClient, withDatabase } from "../../src/db/index.js";
import { redactUrl } from "../../src/db/redact.js";
import { repoRoot } from "./paths.js";

/** The local PostgreSQL that CI also uses; pg_dump -s is compared there when its major version matches. */
export const LOCAL_PG15_URL = "postgres://postgres@127.0.0.1:5432/postgres";

export interface BenchServer {
  url: string;
  /** What the report calls it: "embedded" or the redacted URL. */
  label: string;
  version: string;
  major: number;
}

/**
 * BENCH_DATABASE_URL when set. Otherwise a private embedded server under `.migrate/bench`, so no test run
 * or other session shares it while we measure; `release` stops it again when this run started it.
 */
export async function benchServer(): Promise<{ server: BenchServer; release: () => Promise<void> }> {
  const given = process.env.BENCH_DATABASE_URL;
  let release = async () => {};
  let url = given;
  if (!url) {
    process.env.MIGRATE_HOME = join(repoRoot(), ".migrate", "bench");
    const running = await embeddedServerStatus();
    url = (await ensureEmbeddedServer()).url;
    if (!running) release = async () => void (await stopEmbeddedServer());
  }
  const version = await serverVersion(url);
  if (!version) throw new Error(`the benchmark server at ${redactUrl(url)} does not answer`);
  return { server: { url, label: given ? redactUrl(url) : "private embedded", ...version }, release };
}

async function serverVersion(url: string): Promise<{ version: string; major: number } | null> {
  try {
    return await withClient(
      url,
      async (client) => {
        const { rows } = await client.query<{ version: string; num: string }>(
          "SELECT current_setting('server_version') AS version, current_setting('server_version_num') AS num",
        );
        const row = rows[0];
        return row ? { version: row.version, major: Math.floor(Number(row.num) / 10000) } : null;
      },
      { connectTimeoutMs: 3000 },
    );
  } catch {
    return null;
  }
}

/** pg_dump from PG_BIN (as the shared judge uses it) or PATH, with its major version; null when missing. */
export function findPgDump(): { path: string; major: number; version: string } | null {
  const path = process.env.PG_BIN ? join(process.env.PG_BIN, "pg_dump") : "pg_dump";
  try {
    const version = execFileSync(path, ["--version"], { encoding: "utf8" }).trim();
    const major = Number(/(\d+)(\.\d+)?/.exec(version.replace(/^[^\d]*/, ""))?.[1]);
    return major ? { path, major, version } : null;
  } catch {
    return null;
  }
}

/**
 * Where pg_dump -s can run: the benchmark server when pg_dump matches its major version, else the local
 * PostgreSQL 15 when it answers and matches. Null (the comparison is skipped) with the reason otherwise.
 */
export async function pgDumpServer(
  main: BenchServer,
  pgDumpMajor: number | null,
): Promise<{ server: BenchServer } | { skipped: string }> {
  if (pgDumpMajor === null) return { skipped: "pg_dump is not installed (set PG_BIN or PATH)" };
  if (main.major === pgDumpMajor) return { server: main };
  const local = await serverVersion(LOCAL_PG15_URL);
  if (!local) {
    return {
      skipped: `pg_dump ${pgDumpMajor} cannot dump PostgreSQL ${main.major}, and no server answers at ${LOCAL_PG15_URL}`,
    };
  }
  if (local.major !== pgDumpMajor) {
    return { skipped: `pg_dump ${pgDumpMajor} matches neither PostgreSQL ${main.major} nor ${local.major}` };
  }
  return { server: { url: LOCAL_PG15_URL, label: redactUrl(LOCAL_PG15_URL), ...local } };
}

export interface BenchDatabase {
  name: string;
  url: string;
}

/** Throwaway databases named mm_bench_<run>_<label>; `dropAll` removes every one this run created. */
export class BenchDatabases {
  private readonly run = randomBytes(4).toString("hex");
  private readonly created: { server: string; name: string }[] = [];

  async create(server: string, label: string, template?: string): Promise<BenchDatabase> {
    const name = `mm_bench_${this.run}_${label}`;
    const from = template ? ` TEMPLATE ${quoteIdent(template)}` : "";
    await withClient(server, (client) => client.query(`CREATE DATABASE ${quoteIdent(name)}${from}`));
    this.created.push({ server, name });
    return { name, url: withDatabase(server, name) };
  }

  async dropAll(): Promise<void> {
    for (const { server, name } of this.created.splice(0).reverse()) {
      await withClient(server, (client) =>
        client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`),
      ).catch(() => {});
    }
  }
}

/**
 * VACUUM (ANALYZE) of the whole database, catalogs included: a freshly loaded schema leaves autovacuum work
 * on pg_class, pg_attribute and pg_depend that would otherwise run during the timings, and plans on
 * unanalysed catalogs, neither of which a production database has.
 */
export async function settleDatabase(url: string): Promise<void> {
  await withClient(url, (client) => client.query("VACUUM (ANALYZE)"));
}

/**
 * Runs plain DDL statements (no COPY, no psql commands) in batches: one round trip and one implicit
 * transaction per batch, so a thousand-table schema neither waits on round trips nor needs more locks than
 * the lock table has (max_locks_per_transaction is shared by every session on the server).
 */
export async function loadStatements(url: string, statements: string[], batch = 100): Promise<void> {
  await withClient(url, async (client) => {
    for (let i = 0; i < statements.length; i += batch) {
      await client.query(statements.slice(i, i + batch).join("\n"));
    }
  });
}
