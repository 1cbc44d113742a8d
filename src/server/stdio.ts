import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { createServer, type ServerOptions } from "./server.js";

/**
 * Serves MCP over stdin/stdout until the client closes stdin. Stdout carries protocol only: anything else
 * written there would corrupt the stream, so stray console output is sent to stderr.
 */
export async function serveStdio(options: ServerOptions): Promise<void> {
  console.log = console.error;
  console.info = console.error;
  console.debug = console.error;
  const server = createServer(options);
  const transport = new StdioServerTransport();
  const closed = new Promise<void>((resolve) => {
    transport.onclose = resolve;
  });
  process.stdin.once("end", () => {
    server.close().catch(() => {});
  });
  await server.connect(transport);
  await closed;
}
