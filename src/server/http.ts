import { randomUUID } from "node:crypto";
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { MigrateError } from "../errors.js";
import { createServer, type ServerOptions } from "./server.js";

export interface HttpServeOptions extends ServerOptions {
  /** 0 picks a free port. */
  port: number;
  /** Default 127.0.0.1: the server has no authentication, so it listens on loopback unless told otherwise. */
  host?: string;
}

export interface HttpServer {
  /** The MCP endpoint, e.g. http://127.0.0.1:3000/mcp. */
  url: string;
  close(): Promise<void>;
}

export const MCP_PATH = "/mcp";

const LOOPBACK_NAMES = ["localhost", "127.0.0.1", "[::1]"];

interface Session {
  transport: StreamableHTTPServerTransport;
  server: McpServer;
}

/**
 * Streamable HTTP with one MCP server per session. Host and Origin headers must name this machine (or the
 * host the server was bound to), so a web page cannot reach it through DNS rebinding.
 */
export async function serveHttp(options: HttpServeOptions): Promise<HttpServer> {
  const host = options.host ?? "127.0.0.1";
  const allowedHosts = new Set([...LOOPBACK_NAMES, bracketed(host)]);
  const sessions = new Map<string, Session>();

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const refusal = checkRequest(request, allowedHosts);
    if (refusal) return reply(response, refusal.status, refusal.message);
    const sessionId = request.headers["mcp-session-id"];
    if (typeof sessionId === "string") {
      const session = sessions.get(sessionId);
      if (!session) return reply(response, 404, "unknown or expired session; initialize a new one");
      return session.transport.handleRequest(request, response);
    }
    // No session yet: only an initialize request succeeds; the transport answers anything else with an error.
    const server = createServer(options);
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (id) => {
        sessions.set(id, { transport, server });
      },
    });
    transport.onclose = () => {
      if (transport.sessionId) sessions.delete(transport.sessionId);
    };
    await server.connect(transport);
    await transport.handleRequest(request, response);
    if (!transport.sessionId) await server.close();
  };

  const http = createHttpServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      process.stderr.write(`migrate-mcp: HTTP request failed: ${(error as Error).message}\n`);
      if (!response.headersSent) reply(response, 500, "internal error; see the server's log");
    });
  });
  await new Promise<void>((resolve, reject) => {
    http.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        new MigrateError(
          "USAGE",
          `cannot listen on ${host}:${options.port} (${error.code ?? error.message}); choose another --http port or --host`,
        ),
      ),
    );
    http.listen(options.port, host, resolve);
  });
  const port = (http.address() as AddressInfo).port;
  return {
    url: `http://${bracketed(host)}:${port}${MCP_PATH}`,
    close: async () => {
      await Promise.all([...sessions.values()].map((session) => session.server.close().catch(() => {})));
      sessions.clear();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

interface Refusal {
  status: number;
  message: string;
}

/**
 * DNS-rebinding protection: the hostname of Host (any port) must be allowed, and so must Origin's when a browser
 * sends one ("null" from a sandboxed page included).
 */
function checkRequest(request: IncomingMessage, allowedHosts: ReadonlySet<string>): Refusal | undefined {
  const path = (request.url ?? "/").split("?")[0];
  if (path !== MCP_PATH) return { status: 404, message: `not found; the MCP endpoint is ${MCP_PATH}` };
  const hostname = hostOfHeader(request.headers.host ?? "");
  if (!hostname || !allowedHosts.has(hostname)) {
    return { status: 403, message: `Host header "${request.headers.host ?? ""}" is not allowed` };
  }
  const origin = request.headers.origin;
  if (origin !== undefined) {
    const originHost = hostOfOrigin(origin);
    if (!originHost || !allowedHosts.has(originHost)) {
      return { status: 403, message: `Origin "${origin}" is not allowed` };
    }
  }
  return undefined;
}

// host[:port] and nothing else: a URL parser would also accept "evil.example@127.0.0.1".
const HOST_HEADER = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::\d{1,5})?$/i;

function hostOfHeader(header: string): string | undefined {
  return HOST_HEADER.exec(header)?.[1]?.toLowerCase();
}

function hostOfOrigin(origin: string): string | undefined {
  const match = /^https?:\/\/(.*)$/i.exec(origin);
  return match ? hostOfHeader(match[1] ?? "") : undefined;
}

/** IPv6 literals appear in URLs and Host headers in brackets. */
function bracketed(host: string): string {
  return host.includes(":") && !host.startsWith("[") ? `[${host}]` : host;
}

function reply(response: ServerResponse, status: number, message: string): void {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify({ jsonrpc: "2.0", error: { code: -32000, message }, id: null }));
}
