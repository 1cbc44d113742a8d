import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { onTestFinished } from "vitest";
import { createServer, type ServerOptions } from "../../src/server/server.js";

/** An SDK client connected in-process to a fresh server; both are closed when the test finishes. */
export async function connectClient(options: ServerOptions = {}): Promise<Client> {
  const server = createServer(options);
  const client = new Client({ name: "migrate-mcp-test", version: "1.0.0" });
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

/** The one line of text a failed tool returns. */
export function errorLine(result: CallToolResult): string {
  const first = result.content[0];
  return first?.type === "text" ? first.text : "";
}
