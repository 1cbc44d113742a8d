import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import { ensureEmbeddedServer, quoteIdent, withClient, withDatabase } from "../db/index.js";
import type { Output } from "../output.js";

// dist/commands/demo.js → <package>/examples/demo
const EXAMPLES = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "examples", "demo");
const DEMO_DB = "migrate_mcp_demo";
const SAMPLE_ROWS = `
INSERT INTO customers (email, fax) SELECT 'customer' || g || '@example.com', '555-' || g FROM generate_series(1, 2000) g;
INSERT INTO orders (customer_id, quantity, note) SELECT 1 + g % 2000, 1 + g % 7, 'order ' || g FROM generate_series(1, 20000) g;`;

/**
 * The main job, end to end on the embedded server: plan the bundled v1 → v2 change from SQL files, apply
 * it to a database full of rows through the journal, show that the dropped column's values were kept,
 * then roll back and show every row is back.
 */
export function registerDemoCommand(program: Command, output: () => Output): void {
  program
    .command("demo")
    .description("run the main job end to end on the embedded server")
    .action(async () => {
      const { generateMigration } = await import("../migration/generate.js");
      const { applyPlan, rollbackPlan, runScript } = await import("../run/index.js");
      const out = output();
      const server = await ensureEmbeddedServer();
      out.info(`embedded PostgreSQL ${server.version} at ${server.url}`);
      await withClient(server.url, async (client) => {
        await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(DEMO_DB)} WITH (FORCE)`);
        await client.query(`CREATE DATABASE ${quoteIdent(DEMO_DB)}`);
      });
      const databaseUrl = withDatabase(server.url, DEMO_DB);
      await withClient(databaseUrl, async (client) => {
        await runScript(client, readFileSync(join(EXAMPLES, "v1.sql"), "utf8"), "v1.sql");
        await client.query(SAMPLE_ROWS);
      });
      const checksum = () =>
        withClient(databaseUrl, async (client) => {
          const { rows } = await client.query<{ c: string }>(
            "SELECT md5(string_agg(to_jsonb(c)::text, ',' ORDER BY id)) AS c FROM public.customers c",
          );
          return rows[0]?.c ?? "";
        });
      const before = await checksum();

      out.info("1. generate: diff v1.sql → v2.sql (each loaded into a throwaway shadow database)");
      const plansDir = mkdtempSync(join(tmpdir(), "migrate-mcp-demo-"));
      const { plan, dir } = await generateMigration({
        source: join(EXAMPLES, "v1.sql"),
        target: join(EXAMPLES, "v2.sql"),
        out: join(plansDir, "demo"),
        name: "demo",
        allowDestructive: true,
        shadowUrl: server.url,
      });
      for (const step of plan.forwardSteps) out.info(`   ${step.id} [${step.phase}] ${step.summary}`);

      out.info(`2. apply ${dir} to ${DEMO_DB} (20,000 orders) through the journal`);
      const applied = await applyPlan(dir, { databaseUrl, throttleMs: 0 });
      const kept = await withClient(databaseUrl, async (client) => {
        const { rows } = await client.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM pg_class WHERE relnamespace::regnamespace::text = 'migrate_mcp_trash'",
        );
        return rows[0]?.n ?? 0;
      });
      out.info(
        `   ${applied.status}; the dropped fax column's values are kept in migrate_mcp_trash (${kept} table)`,
      );

      out.info("3. roll back: the schema returns to v1 and the kept values return to their rows");
      const rolledBack = await rollbackPlan(dir, { databaseUrl, throttleMs: 0 });
      const after = await checksum();
      const same = before === after;
      out.result(
        { plan: plan.id, dir, applied: applied.status, rolledBack: rolledBack.status, rowsIdentical: same },
        () =>
          `demo ${same ? "passed" : "FAILED"}: applied ${plan.forwardSteps.length} steps, rolled back, ` +
          `customers rows ${same ? "identical" : "differ"} (md5 ${after}); plan in ${dir}`,
      );
      if (!same) process.exitCode = 1;
    });
}
