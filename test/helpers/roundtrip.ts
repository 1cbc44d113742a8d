import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import { expect } from "vitest";
import { definitionText } from "../../src/catalog/definition.js";
import { catalogDigest, readCatalog } from "../../src/catalog/index.js";
import type { SchemaModel } from "../../src/catalog/model.js";
import { withClient } from "../../src/db/index.js";
import { diffSchemas } from "../../src/diff/index.js";
import { buildPlan } from "../../src/plan/plan.js";
import { runScript } from "../../src/run/script.js";
import { createTestDatabase, serverUrl } from "./db.js";

export const TEST_ROLES = ["migrate_mcp_test_role", "migrate_mcp_test_role2"];

/** Roles are cluster-wide; cases may reference these two, created once and never dropped. */
export async function ensureTestRoles(): Promise<void> {
  await withClient(serverUrl(), async (client) => {
    for (const role of TEST_ROLES) {
      await client.query(
        `DO $$ BEGIN CREATE ROLE ${role}; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`,
      );
    }
  });
}

export interface Snapshot {
  model: SchemaModel;
  digest: string;
}

/**
 * The model and digest as introspection reads them. With `checkDigest`, the digest must also equal what
 * verify.sql computes in the server. Both digests hash the same facts, so once they agree on a schema they
 * agree on any schema whose facts are equal: the snapshots taken after a script, compared to these by
 * digest, need not ask the server again.
 */
async function snapshot(url: string, checkDigest: boolean): Promise<Snapshot> {
  return withClient(url, async (client) => {
    const { model, digest } = await readCatalog(client);
    if (checkDigest) {
      expect(digest, "digest from introspection rows vs catalogDigestQuery").toBe(
        await catalogDigest(client),
      );
    }
    return { model, digest };
  });
}

/** The model as compared by the engine: definitions only (no dependency lists, positions or statistics). */
export function modelText(model: SchemaModel): string {
  return Object.keys(model.objects)
    .sort()
    .map((id) => `${id} ${definitionText(model.objects[id]!)}`)
    .join("\n");
}

let pgDumpMajor: number | null | undefined;

/** pg_dump can only dump a server of its own major version or older; use it only when it matches. */
function matchingPgDump(serverMajor: number): boolean {
  if (pgDumpMajor === undefined) {
    try {
      const out = execFileSync("pg_dump", ["--version"], { encoding: "utf8" });
      pgDumpMajor = Number(/(\d+)\./.exec(out)?.[1]);
    } catch {
      pgDumpMajor = null;
    }
  }
  return pgDumpMajor === serverMajor;
}

const execFileAsync = promisify(execFile);

/**
 * pg_dump -s with comments, SET lines and column order normalised away (as the shared judge does). Run
 * asynchronously: concurrent cases then dump at the same time, where a synchronous call held up every
 * other case in this test file while one pg_dump ran.
 */
async function dump(url: string): Promise<string> {
  const { stdout: text } = await execFileAsync(
    "pg_dump",
    ["-s", "--no-owner", "--exclude-schema=migrate_mcp*", "-d", url],
    { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  const lines = text
    .split("\n")
    .filter(
      (l) => l && !l.startsWith("--") && !/^SET |^SELECT pg_catalog\.set_config|^\\(un)?restrict /.test(l),
    );
  const out: string[] = [];
  let columns: string[] | null = null;
  for (const line of lines) {
    if (columns) {
      if (line.startsWith(")")) {
        out.push(...columns.map((c) => c.replace(/,$/, "")).sort(), line);
        columns = null;
      } else columns.push(line);
    } else {
      out.push(line);
      if (/^CREATE (UNLOGGED )?TABLE .*\($/.test(line)) columns = [];
    }
  }
  return out.join("\n");
}

export interface RoundTripResult {
  forward: string;
  rollback: string;
}

/**
 * The three checks of a round trip, on real databases: forward turns old into new, a fresh plan
 * afterwards is empty, and rollback turns it back into old. Equality is the catalog model, the SQL
 * catalog digest, and pg_dump when a matching pg_dump is installed. The old schema's dump is taken before
 * the forward runs, so no second copy of it is loaded.
 */
export async function assertRoundTrip(oldSql: string, newSql: string): Promise<RoundTripResult> {
  const [a, b] = await Promise.all([createTestDatabase(oldSql), createTestDatabase(newSql)]);
  try {
    const [before, target] = await Promise.all([snapshot(a.url, true), snapshot(b.url, true)]);
    const dumps = matchingPgDump(Math.floor(target.model.serverVersion / 10000))
      ? await Promise.all([dump(a.url), dump(b.url)])
      : null;
    const state = (s: Snapshot, label: string) => ({ label, fingerprint: "", digest: s.digest });
    const plan = buildPlan({
      id: "roundtrip",
      name: "roundtrip",
      source: state(before, "old"),
      target: state(target, "new"),
      options: { allowDestructive: true, downtimeAllowed: false, renames: [], lockTimeoutMs: 2000 },
      forward: diffSchemas(before.model, target.model),
      rollback: diffSchemas(target.model, before.model),
      models: { source: before.model, target: target.model },
    });
    const forward = plan.scripts["forward.sql"];
    const rollback = plan.scripts["rollback.sql"];

    await withClient(a.url, (client) => runScript(client, forward, "forward.sql"));
    const migrated = await snapshot(a.url, false);
    expect(modelText(migrated.model), "forward: model").toBe(modelText(target.model));
    expect(migrated.digest, "forward: catalog digest").toBe(target.digest);
    if (dumps) expect(await dump(a.url), "forward: pg_dump").toBe(dumps[1]);
    await withClient(a.url, (client) => runScript(client, plan.scripts["verify.sql"], "verify.sql"));

    const replan = diffSchemas(migrated.model, target.model).filter((ch) => ch.statements.length > 0);
    expect(
      replan.map((ch) => ch.summary),
      "re-plan after forward",
    ).toEqual([]);

    await withClient(a.url, (client) => runScript(client, rollback, "rollback.sql"));
    const restored = await snapshot(a.url, false);
    expect(modelText(restored.model), "rollback: model").toBe(modelText(before.model));
    expect(restored.digest, "rollback: catalog digest").toBe(before.digest);
    if (dumps) expect(await dump(a.url), "rollback: pg_dump").toBe(dumps[0]);
    return { forward, rollback };
  } finally {
    await Promise.all([a.drop(), b.drop()]);
  }
}
