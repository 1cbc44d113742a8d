import { createHash } from "node:crypto";
import type { DbClient } from "../db/connect.js";
import { columnsQuery, constraintsQuery, indexesQuery } from "./kinds/columns.js";
import { collationsQuery, extensionsQuery, schemasQuery } from "./kinds/namespaces.js";
import { sequencesQuery, tablesQuery, viewsQuery } from "./kinds/relations.js";
import { functionsQuery, policiesQuery, triggersQuery } from "./kinds/routines.js";
import { compositesQuery, domainsQuery, enumsQuery } from "./kinds/types.js";
import { unsupportedQuery } from "./kinds/unsupported.js";

/** The catalog queries the digest covers; a query's place in this list prefixes each of its facts. */
const QUERIES = [
  schemasQuery,
  extensionsQuery,
  collationsQuery,
  enumsQuery,
  domainsQuery,
  compositesQuery,
  sequencesQuery,
  tablesQuery,
  viewsQuery,
  columnsQuery,
  constraintsQuery,
  indexesQuery,
  functionsQuery,
  triggersQuery,
  policiesQuery,
  unsupportedQuery,
];

/**
 * One row's fact: the row's text, prefixed by its query. The queries hold definitions only (positions and
 * statistics are read apart), so the whole row is digested; row text costs the server far less than jsonb.
 */
function factExpression(query: string): string {
  const index = QUERIES.indexOf(query);
  if (index < 0) throw new Error("catalog query not covered by the digest");
  return `'${index}:' || x::text`;
}

/**
 * One SQL query that hashes the same catalog facts the model is built from, computed entirely in the
 * server. verify.sql embeds it, so `psql -f verify.sql` can assert the schema without this tool.
 * Column positions and size statistics are not in these queries, as not in the model fingerprint. Facts are sorted
 * bytewise (COLLATE "C") so introspection can compute the same digest from the rows it reads. Run it with
 * an empty search_path so deparsed definitions are schema-qualified.
 */
export const catalogDigestQuery = `SELECT 'md5:' || coalesce(md5(string_agg(fact, E'\\n' ORDER BY fact COLLATE "C")), 'empty') AS digest FROM (
${QUERIES.map((q) => `  SELECT ${factExpression(q)} AS fact FROM (${q}) x`).join("\n  UNION ALL\n")}
) facts`;

/** The column `withDigestFact` adds to each row. */
export const DIGEST_FACT = "digest_fact";

/** A catalog query whose rows also carry their digest fact, so one read yields both model and digest. */
export function withDigestFact(query: string): string {
  // OFFSET 0 keeps the planner from inlining the query, which would compute every column twice.
  return `SELECT ${factExpression(query)} AS ${DIGEST_FACT}, x.* FROM (${query} OFFSET 0) x`;
}

/** What catalogDigestQuery computes, from facts read through withDigestFact (UTF-8 databases only). */
export function digestOfFacts(facts: string[]): string {
  if (facts.length === 0) return "md5:empty";
  const sorted = facts.map((fact) => Buffer.from(fact, "utf8")).sort(Buffer.compare);
  const hash = createHash("md5");
  sorted.forEach((fact, i) => {
    if (i > 0) hash.update("\n");
    hash.update(fact);
  });
  return `md5:${hash.digest("hex")}`;
}

export async function catalogDigest(client: DbClient): Promise<string> {
  await client.query("BEGIN READ ONLY");
  try {
    await client.query("SET LOCAL search_path = ''");
    const { rows } = await client.query<{ digest: string | null }>(catalogDigestQuery);
    await client.query("COMMIT");
    return rows[0]?.digest ?? "md5:empty";
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}
