import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import type { RequestOptions } from "@modelcontextprotocol/sdk/shared/protocol.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { expect, onTestFinished } from "vitest";
import type { z } from "zod";
import { createServer, type ServerOptions } from "../../src/server/server.js";

/**
 * An SDK client connected in-process to a fresh server; both are closed when the test finishes.
 * `client` makes the client first (capabilities, request handlers) when a test needs more than the default.
 */
export async function connectClient(
  options: ServerOptions = {},
  client: Client = new Client({ name: "migrate-mcp-test", version: "1.0.0" }),
): Promise<Client> {
  const server = createServer(options);
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await Promise.all([server.connect(serverSide), client.connect(clientSide)]);
  onTestFinished(async () => {
    await client.close();
    await server.close();
  });
  // Listing tools makes the client validate every later structuredContent against the tool's output schema.
  await client.listTools();
  return client;
}

/** A temporary working directory with a migrate.config.yaml naming the given databases (plus `extra` YAML). */
export async function projectDir(databases: Record<string, string> = {}, extra = ""): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "migrate-mcp-server-"));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  const lines = Object.entries(databases).map(([name, url]) => `  ${name}: "${url}"`);
  const databasesYaml = lines.length > 0 ? `databases:\n${lines.join("\n")}\n` : "";
  if (databasesYaml || extra) await writeFile(join(dir, "migrate.config.yaml"), databasesYaml + extra);
  return dir;
}

export async function callTool(
  client: Client,
  name: string,
  args: Record<string, unknown>,
): Promise<CallToolResult> {
  return (await client.callTool({ name, arguments: args })) as CallToolResult;
}

export interface CallOkOptions {
  onprogress?: RequestOptions["onprogress"];
  /** More to show if the call fails, such as a spawned server's stderr. */
  detail?: () => string;
}

/**
 * Calls a tool, asserts the call is not an error (the failure message carries the tool's own text), and
 * returns its structuredContent, parsed with `schema` when one is given.
 */
export async function callOk<S extends z.ZodType>(
  client: Client,
  name: string,
  args: Record<string, unknown>,
  schema: S,
  options?: CallOkOptions,
): Promise<z.output<S>>;
export async function callOk(
  client: Client,
  name: string,
  args: Record<string, unknown>,
  schema?: undefined,
  options?: CallOkOptions,
): Promise<unknown>;
export async function callOk(
  client: Client,
  name: string,
  args: Record<string, unknown>,
  schema?: z.ZodType,
  options: CallOkOptions = {},
): Promise<unknown> {
  const result = (await client.callTool({ name, arguments: args }, undefined, {
    onprogress: options.onprogress,
  })) as CallToolResult;
  expectOk(name, result, options.detail?.());
  return schema ? schema.parse(result.structuredContent) : result.structuredContent;
}

/** Asserts a tool result is not an error, showing the tool's text (and `detail`) if it is. */
export function expectOk(name: string, result: CallToolResult, detail?: string): void {
  const text = result.content
    .map((block) => (block.type === "text" ? block.text : JSON.stringify(block)))
    .join("\n");
  const message = `${name} returned an error: ${text || "(no text)"}${detail ? `\n${detail}` : ""}`;
  expect(result.isError, message).toBeFalsy();
}

/** The one line of text a failed tool returns. */
export function errorLine(result: CallToolResult): string {
  const first = result.content[0];
  return first?.type === "text" ? first.text : "";
}
