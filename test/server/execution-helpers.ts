import { basename } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { ElicitRequestSchema } from "@modelcontextprotocol/sdk/types.js";
import { withClient } from "../../src/db/index.js";
import { generateMigration } from "../../src/migration/index.js";
import type { ServerOptions } from "../../src/server/server.js";
import { freshDatabase, serverUrl, type TestDatabase } from "../helpers/db.js";
import { connectClient, projectDir } from "./client.js";

export const SOURCE =
  "CREATE TABLE orders (id bigint PRIMARY KEY, note text);" +
  "INSERT INTO orders SELECT g, 'n' || g FROM generate_series(1, 50) g;";
export const TARGET = "CREATE TABLE orders (id bigint PRIMARY KEY, note text, email text);";

export interface ExecutionSetup {
  cwd: string;
  app: TestDatabase;
  planId: string;
  planDir: string;
  client: Client;
}

/**
 * A project whose database `app` holds SOURCE, a plan from it to `target` generated into the project's
 * migrations/, and a client connected to a server for that project.
 */
export async function executionSetup(
  target = TARGET,
  plan: { allowDestructive?: boolean; name?: string } = {},
  server: Omit<ServerOptions, "cwd"> = {},
  connect: (options: ServerOptions) => Promise<Client> = connectClient,
): Promise<ExecutionSetup> {
  const [app, goal] = await Promise.all([freshDatabase(SOURCE), freshDatabase(target)]);
  const cwd = await projectDir({ app: app.url }, `shadow: "${serverUrl()}"\n`);
  const generated = await generateMigration({
    source: app.url,
    target: goal.url,
    cwd,
    name: plan.name ?? "exec",
    allowDestructive: plan.allowDestructive ?? false,
  });
  const client = await connect({ cwd, ...server });
  return { cwd, app, planId: basename(generated.dir), planDir: generated.dir, client };
}

/**
 * Like connectClient, but the client declares the elicitation capability and answers every elicitation
 * with `action` (accept means confirm: true); the questions asked are collected in `asked`.
 */
export function elicitingClient(action: "accept" | "decline", asked: string[]) {
  return async (options: ServerOptions): Promise<Client> => {
    const client = new Client(
      { name: "migrate-mcp-test", version: "1.0.0" },
      { capabilities: { elicitation: { form: {} } } },
    );
    client.setRequestHandler(ElicitRequestSchema, (request) => {
      asked.push(request.params.message);
      return action === "accept" ? { action, content: { confirm: true } } : { action };
    });
    return connectClient(options, client);
  };
}

/** The user tables and columns of a database, to show a refused call changed nothing. */
export async function columnsOf(url: string): Promise<string[]> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ name: string }>(
      `SELECT table_name || '.' || column_name AS name FROM information_schema.columns
        WHERE table_schema = 'public' ORDER BY 1`,
    );
    return rows.map((row) => row.name);
  });
}
