import pg from "pg";
import { MigrateError } from "../errors.js";
import { redact, redactUrl } from "./redact.js";

export type DbClient = pg.Client;

export interface ConnectOptions {
  /** Shown in pg_stat_activity, and named when this session holds a lock someone else waits for. */
  applicationName?: string;
  /** Sets default_transaction_read_only for the session (introspection of live sources, read-only mode). */
  readOnly?: boolean;
  connectTimeoutMs?: number;
}

/** Parses a postgres:// URL, or explains in one line why it is not one. */
export function parseDatabaseUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new MigrateError(
      "BAD_URL",
      `"${redact(url)}" is not a database URL; use postgres://user[:password]@host[:port]/database`,
    );
  }
  if (parsed.protocol !== "postgres:" && parsed.protocol !== "postgresql:") {
    throw new MigrateError(
      "BAD_URL",
      `"${redactUrl(url)}" has scheme "${parsed.protocol}"; use postgres://user[:password]@host[:port]/database`,
    );
  }
  if (!parsed.hostname) {
    throw new MigrateError(
      "BAD_URL",
      `"${redactUrl(url)}" names no host; use postgres://user@host:5432/database`,
    );
  }
  return parsed;
}

/** The same server, another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = parseDatabaseUrl(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

export function databaseName(url: string): string {
  const name = decodeURIComponent(parseDatabaseUrl(url).pathname.replace(/^\//, ""));
  return name || parseDatabaseUrl(url).username || "postgres";
}

export async function connect(url: string, options: ConnectOptions = {}): Promise<DbClient> {
  const parsed = parseDatabaseUrl(url);
  const client = new pg.Client({
    connectionString: url,
    application_name: options.applicationName ?? "migrate-mcp",
    connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
    options: options.readOnly ? "-c default_transaction_read_only=on" : undefined,
  });
  // A server that goes away mid-session emits 'error' on the client; without a listener that kills the process.
  client.on("error", () => {});
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => {});
    throw connectionError(error, parsed);
  }
  return client;
}

/** Opens a connection, runs `fn`, and always closes the connection. */
export async function withClient<T>(
  url: string,
  fn: (client: DbClient) => Promise<T>,
  options: ConnectOptions = {},
): Promise<T> {
  const client = await connect(url, options);
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

interface PgLikeError {
  code?: string;
  message?: string;
}

function connectionError(error: unknown, url: URL): MigrateError {
  const err = (error ?? {}) as PgLikeError;
  const where = `${url.hostname}:${url.port || "5432"}`;
  const user = decodeURIComponent(url.username) || "the default user";
  const database = decodeURIComponent(url.pathname.replace(/^\//, "")) || user;
  const detail = redact(err.message ?? String(error));
  switch (err.code) {
    case "ECONNREFUSED":
    case "ENOTFOUND":
    case "EAI_AGAIN":
    case "EHOSTUNREACH":
    case "ETIMEDOUT":
      return new MigrateError(
        "CONNECTION_REFUSED",
        `cannot reach PostgreSQL at ${where} (${err.code}); check the host and port, or start the server`,
        { cause: error },
      );
    case "28P01":
    case "28000":
      return new MigrateError(
        "CONNECTION_AUTH",
        `PostgreSQL at ${where} rejected the login of ${user} (${detail}); check the user and password in the URL`,
        { cause: error },
      );
    case "3D000":
      return new MigrateError(
        "DATABASE_NOT_FOUND",
        `database "${database}" does not exist on ${where}; create it or fix the database name in the URL`,
        { cause: error },
      );
    default:
      if (/timeout/i.test(detail)) {
        return new MigrateError(
          "CONNECTION_REFUSED",
          `timed out connecting to PostgreSQL at ${where}; check the host, port and firewall`,
          { cause: error },
        );
      }
      return new MigrateError("CONNECTION_REFUSED", `cannot connect to PostgreSQL at ${where}: ${detail}`, {
        cause: error,
      });
  }
}
