import type { Command } from "commander";
import { MigrateError } from "../errors.js";
import type { Output } from "../output.js";

interface ServeFlags {
  http?: number;
  host?: string;
  readOnly: boolean;
  allowUrls: boolean;
}

const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65_535) {
    throw new MigrateError(
      "USAGE",
      `--http ${value} is not a port; give a number from 0 (any free port) to 65535`,
    );
  }
  return port;
}

export function registerServeCommand(program: Command, output: () => Output): void {
  program
    .command("serve")
    .description("run the MCP server (stdio, or Streamable HTTP with --http PORT)")
    .option(
      "--http <port>",
      "serve Streamable HTTP on this port instead of stdio (0: any free port)",
      parsePort,
    )
    .option("--host <host>", "address to listen on with --http (default 127.0.0.1)")
    .option(
      "--read-only",
      "register only read-only tools; connect with default_transaction_read_only=on",
      false,
    )
    .option("--allow-urls", "accept raw postgres:// URLs where tools expect a database name", false)
    .action(async (flags: ServeFlags) => {
      const options = { readOnly: flags.readOnly, allowUrls: flags.allowUrls, cwd: process.cwd() };
      if (flags.http === undefined) {
        if (flags.host !== undefined) {
          throw new MigrateError("USAGE", "--host applies to HTTP only; add --http PORT or drop --host");
        }
        // The MCP SDK is loaded only here, so every other command starts without it.
        const { serveStdio } = await import("../server/stdio.js");
        await serveStdio(options);
        return;
      }
      const host = flags.host ?? "127.0.0.1";
      const { serveHttp } = await import("../server/http.js");
      const server = await serveHttp({ ...options, port: flags.http, host });
      if (!LOOPBACK.has(host)) {
        // Not through Output.info: --quiet must not hide that the server is reachable beyond this machine.
        process.stderr.write(
          `warning: listening on ${host}; the MCP server has no authentication, keep it on a trusted network\n`,
        );
      }
      output().result(
        { transport: "http", url: server.url, readOnly: flags.readOnly, allowUrls: flags.allowUrls },
        () => `MCP server listening on ${server.url}${flags.readOnly ? " (read-only)" : ""}; Ctrl-C stops it`,
      );
      await new Promise<void>((resolve) => {
        process.once("SIGINT", resolve);
        process.once("SIGTERM", resolve);
      });
      await server.close();
    });
}
