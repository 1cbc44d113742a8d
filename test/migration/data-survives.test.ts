import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { withClient } from "../../src/db/index.js";
import { generateMigration } from "../../src/migration/index.js";
import { runScript } from "../../src/run/script.js";
import { freshDatabase } from "../helpers/db.js";

/** Checksums of every table's rows, independent of column order (to_jsonb sorts keys). */
const CHECKSUMS = `SELECT c.relname AS name,
  (xpath('/row/c/text()', query_to_xml(format('SELECT md5(coalesce(string_agg(to_jsonb(t)::text, '','' ORDER BY to_jsonb(t)::text), '''')) AS c FROM %s t', c.oid::regclass), false, true, '')))[1]::text AS checksum
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'migrate_mcp%'
 ORDER BY 1`;

async function checksums(url: string): Promise<Record<string, string>> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ name: string; checksum: string }>(CHECKSUMS);
    return Object.fromEntries(rows.map((r) => [r.name, r.checksum]));
  });
}

const CASES: Record<string, { old: string; new: string }> = {
  "dropped table with serial key, generated column and enum": {
    old: `CREATE TYPE mood AS ENUM ('ok', 'bad');
          CREATE TABLE notes (id serial PRIMARY KEY, body text NOT NULL, m mood, tags int[],
                              twice int GENERATED ALWAYS AS (id * 2) STORED);
          INSERT INTO notes (body, m, tags) SELECT 'n' || g, 'ok', ARRAY[g, g + 1] FROM generate_series(1, 500) g;`,
    new: "",
  },
  "dropped NOT NULL column and dropped FK column": {
    old: `CREATE TABLE parent (id int PRIMARY KEY);
          CREATE TABLE child (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, parent_id int REFERENCES parent,
                              note text NOT NULL, extra jsonb);
          INSERT INTO parent SELECT g FROM generate_series(1, 300) g;
          INSERT INTO child (parent_id, note, extra) SELECT g, 'note ' || g, jsonb_build_object('k', g)
            FROM generate_series(1, 300) g;`,
    new: `CREATE TABLE parent (id int PRIMARY KEY);
          CREATE TABLE child (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, extra jsonb);`,
  },
  "dropped schema holding a table": {
    old: `CREATE SCHEMA archive; CREATE TABLE archive.events (id int PRIMARY KEY, at timestamptz, payload bytea);
          INSERT INTO archive.events SELECT g, '2024-01-01'::timestamptz + g * interval '1 hour', decode(md5(g::text), 'hex')
            FROM generate_series(1, 200) g;`,
    new: "",
  },
  "column type changed through the online swap and back": {
    old: `CREATE TABLE metrics (id int PRIMARY KEY, value int NOT NULL, label varchar(10));
          INSERT INTO metrics SELECT g, g * 7, 'l' || g FROM generate_series(1, 400) g;`,
    new: `CREATE TABLE metrics (id int PRIMARY KEY, value bigint NOT NULL, label text);`,
  },
};

describe("data survives forward then rollback", () => {
  for (const [name, schemas] of Object.entries(CASES)) {
    it.concurrent(name, async ({ onTestFinished }) => {
      const [source, target] = await Promise.all([
        freshDatabase(schemas.old, onTestFinished),
        freshDatabase(schemas.new, onTestFinished),
      ]);
      const before = await checksums(source.url);
      const home = mkdtempSync(join(tmpdir(), "mm-keep-"));
      onTestFinished(() => rmSync(home, { recursive: true, force: true }));
      const out = join(home, "plan");
      const { plan } = await generateMigration({
        source: source.url,
        target: target.url,
        out,
        allowDestructive: true,
      });
      const read = (file: string) => readFileSync(join(out, file), "utf8");
      await withClient(source.url, async (client) => {
        await runScript(client, read("forward.sql"), "forward.sql");
        await runScript(client, read("verify.sql"), "verify.sql");
        await runScript(client, read("rollback.sql"), "rollback.sql");
      });
      expect(await checksums(source.url)).toEqual(before);
      // New rows still get fresh keys after the restore.
      if (name.startsWith("dropped table")) {
        await withClient(source.url, (client) => client.query("INSERT INTO notes (body) VALUES ('after')"));
      }
      await withClient(source.url, (client) => runScript(client, read("cleanup.sql"), "cleanup.sql"));
      const left = await withClient(source.url, (client) =>
        client.query(
          "SELECT count(*)::int AS n FROM pg_class WHERE relnamespace::regnamespace::text = 'migrate_mcp_trash'",
        ),
      );
      expect(left.rows[0]?.n).toBe(0);
      expect(plan.kept.length > 0 || name.startsWith("column type")).toBe(true);
    });
  }
});
