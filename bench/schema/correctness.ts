import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { catalogDigest } from "../../src/catalog/digest.js";
import { introspect } from "../../src/catalog/introspect.js";
import type { SchemaModel } from "../../src/catalog/model.js";
import { withClient } from "../../src/db/index.js";
import { diffSchemas } from "../../src/diff/diff.js";
import { runScript } from "../../src/run/script.js";
import type { BenchDatabase } from "../lib/databases.js";

export interface ScriptCheck {
  /** null when the script ran; otherwise the failing statement's file:line and PostgreSQL's message. */
  error: string | null;
  /** Changes a fresh plan still finds afterwards (empty when the script reached its target). */
  leftover: string[];
  /** Whether the SQL catalog digest equals the expected side's, as verify.sql asserts. */
  digestMatches: boolean;
}

export interface Correctness {
  forward: ScriptCheck;
  rollback: ScriptCheck | null;
}

async function snapshot(url: string): Promise<{ model: SchemaModel; digest: string }> {
  return withClient(url, async (client) => ({
    model: await introspect(client),
    digest: await catalogDigest(client),
  }));
}

/** Runs one plan script on `copy`, then re-plans from the result to `expected`. */
async function check(
  copy: BenchDatabase,
  script: string,
  name: string,
  expected: { model: SchemaModel; digest: string },
): Promise<ScriptCheck> {
  try {
    await withClient(copy.url, (client) => runScript(client, script, name));
  } catch (error) {
    return { error: (error as Error).message, leftover: [], digestMatches: false };
  }
  const after = await snapshot(copy.url);
  const leftover = diffSchemas(after.model, expected.model)
    .filter((change) => change.statements.length > 0)
    .map((change) => change.summary);
  return { error: null, leftover, digestMatches: after.digest === expected.digest };
}

/**
 * Applies the generated forward.sql to a copy of the source database and checks that a fresh plan is empty
 * (and the digest is the target's); when forward succeeds, rollback.sql must likewise restore the source.
 */
export async function checkPlan(
  copy: BenchDatabase,
  planDir: string,
  source: { url: string },
  target: { url: string },
): Promise<Correctness> {
  const [before, after] = await Promise.all([snapshot(source.url), snapshot(target.url)]);
  const forwardSql = await readFile(join(planDir, "forward.sql"), "utf8");
  const forward = await check(copy, forwardSql, "forward.sql", after);
  if (forward.error) return { forward, rollback: null };
  const rollbackSql = await readFile(join(planDir, "rollback.sql"), "utf8");
  return { forward, rollback: await check(copy, rollbackSql, "rollback.sql", before) };
}
