import type { Command } from "commander";
import { embeddedServerStatus, ensureEmbeddedServer, redactUrl, stopEmbeddedServer } from "../db/index.js";
import { checkServer } from "../db/server-info.js";
import type { Output } from "../output.js";

export function registerDbCommand(program: Command, output: () => Output): void {
  const db = program
    .command("db")
    .description("manage the embedded PostgreSQL server, or check a connection");

  db.command("start")
    .description("start the embedded server (or find the running one) and print its URL")
    .action(async () => {
      const server = await ensureEmbeddedServer();
      output().result(
        server,
        () => `embedded PostgreSQL ${server.version} running at ${server.url} (pid ${server.pid})`,
      );
    });

  db.command("status")
    .description("show whether the embedded server runs, its version, URL and data directory")
    .action(async () => {
      const server = await embeddedServerStatus();
      output().result(server ?? { running: false }, () =>
        server
          ? `embedded PostgreSQL ${server.version} running at ${server.url} (pid ${server.pid}, data ${server.dataDir})`
          : "embedded PostgreSQL is not running; `migrate-mcp db start` starts it",
      );
    });

  db.command("stop")
    .description("stop the embedded server")
    .action(async () => {
      const stopped = await stopEmbeddedServer();
      output().result({ stopped }, () =>
        stopped ? "embedded PostgreSQL stopped" : "embedded PostgreSQL was not running",
      );
    });

  db.command("check")
    .description("connect to a database and report its server version and privileges")
    .option(
      "--db <url>",
      "database URL (default: MIGRATE_DATABASE_URL, DATABASE_URL, or the embedded server)",
    )
    .action(async (options: { db?: string }) => {
      const info = await checkServer(options.db);
      output().result(
        info,
        () =>
          `connected to ${redactUrl(info.url)}: PostgreSQL ${info.version}, user ${info.user}` +
          `${info.superuser ? " (superuser)" : ""}${info.canCreateDatabase ? ", may create databases" : ""}`,
      );
    });
}
