import { spawn } from "node:child_process";
import { request } from "node:http";
import { join } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { describe, expect, it, onTestFinished } from "vitest";
import { runCli } from "../helpers/cli.js";
import { freshDatabase } from "../helpers/db.js";
import { callOk, projectDir } from "./client.js";

const CLI = join(import.meta.dirname, "..", "..", "dist", "cli.js");

describe("transports", () => {
  it("stdio: the built CLI serves tools, prompts and a real query, with nothing but protocol on stdout", async () => {
    const db = await freshDatabase("CREATE TABLE t (id int); INSERT INTO t VALUES (1), (2);");
    const cwd = await projectDir({ app: db.url });
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [CLI, "serve"],
      cwd,
      env: { ...process.env } as Record<string, string>,
      stderr: "pipe",
    });
    const client = new Client({ name: "stdio-test", version: "1.0.0" });
    await client.connect(transport);
    onTestFinished(() => client.close());
    const tools = (await client.listTools()).tools.map((tool) => tool.name);
    expect(tools).toContain("query_readonly");
    expect((await client.listPrompts()).prompts.map((prompt) => prompt.name)).toContain("migrate");
    // A malformed line on stdout would have broken the JSON-RPC stream before this answer arrived.
    const result = await callOk(client, "query_readonly", { database: "app", sql: "SELECT count(*) FROM t" });
    expect(result).toMatchObject({ rows: [["2"]], rowCount: 1 });
  });

  it("HTTP: serve --http 0 listens on loopback, serves tools, and refuses foreign Host and Origin headers", async () => {
    const cwd = await projectDir();
    const child = spawn(process.execPath, [CLI, "--json", "serve", "--http", "0", "--read-only"], {
      cwd,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    onTestFinished(() => {
      if (child.exitCode === null) child.kill("SIGKILL");
    });
    const started = await new Promise<{ url: string; readOnly: boolean }>((resolve, reject) => {
      let stdout = "";
      child.stdout.on("data", (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes("\n}")) resolve(JSON.parse(stdout));
      });
      child.on("exit", (code) => reject(new Error(`serve exited with ${code}`)));
    });
    expect(started.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
    expect(started.readOnly).toBe(true);

    const client = new Client({ name: "http-test", version: "1.0.0" });
    await client.connect(new StreamableHTTPClientTransport(new URL(started.url)));
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name)).toContain("query_readonly");
    for (const tool of tools) expect(tool.annotations?.readOnlyHint).toBe(true);
    await client.close();

    const initialize = JSON.stringify({
      jsonrpc: "2.0",
      id: 1,
      method: "initialize",
      params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "evil", version: "1" } },
    });
    const port = new URL(started.url).port;
    // node:http rather than fetch: fetch does not let a caller set the Host header, and rebinding is about Host.
    const post = (headers: Record<string, string>) =>
      new Promise<number | undefined>((resolve, reject) => {
        const req = request(
          started.url,
          {
            method: "POST",
            headers: {
              "content-type": "application/json",
              accept: "application/json, text/event-stream",
              host: `127.0.0.1:${port}`,
              ...headers,
            },
          },
          (response) => {
            response.resume();
            resolve(response.statusCode);
          },
        );
        req.on("error", reject);
        req.end(initialize);
      });
    expect(await post({ host: `evil.example:${port}` })).toBe(403);
    expect(await post({ host: `evil.example@127.0.0.1:${port}` })).toBe(403);
    expect(await post({ origin: "http://evil.example" })).toBe(403);
    expect(await post({ origin: "null" })).toBe(403);
    expect(await post({ host: `localhost:${port}`, origin: `http://localhost:${port}` })).toBe(200);

    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });

  it("serve refuses a bad port and --host without --http, in one line", async () => {
    const badPort = await runCli(["serve", "--http", "eighty"]);
    expect(badPort.code).toBe(2);
    expect(badPort.stderr.trim()).toBe(
      "error: --http eighty is not a port; give a number from 0 (any free port) to 65535",
    );
    const hostOnly = await runCli(["serve", "--host", "0.0.0.0"]);
    expect(hostOnly.code).toBe(2);
    expect(hostOnly.stderr.trim()).toBe("error: --host applies to HTTP only; add --http PORT or drop --host");
  });
});
