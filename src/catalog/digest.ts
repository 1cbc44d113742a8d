import { createHash } from "node:crypto";
import type { DbClient } from "../db/connect.js";
import { CATALOG_KINDS, type CatalogKind } from "./kinds/index.js";

/**
 * A row's digest fact: its kind's place in CATALOG_KINDS, then the row's text (`x::text`). The queries
 * hold definitions only (positions and statistics are read apart), so the whole row is digested.
 */
function factPrefix(kind: CatalogKind): string {
  const index = CATALOG_KINDS.indexOf(kind);
  if (index < 0) throw new Error(`catalog kind ${kind.name} is not in CATALOG_KINDS`);
  return `${index}:`;
}

/**
 * One SQL query that hashes the same catalog facts the model is built from, computed entirely in the
 * server. verify.sql embeds it, so `psql -f verify.sql` can assert the schema without this tool.
 * Column positions and size statistics are not in these queries, as not in the model fingerprint. Facts are sorted
 * bytewise (COLLATE "C") so introspection can compute the same digest from the rows it reads. Run it with
 * an empty search_path so deparsed definitions are schema-qualified.
 */
export const catalogDigestQuery = `SELECT 'md5:' || coalesce(md5(string_agg(fact, E'\\n' ORDER BY fact COLLATE "C")), 'empty') AS digest FROM (
${CATALOG_KINDS.map((kind) => `  SELECT '${factPrefix(kind)}' || x::text AS fact FROM (${kind.query}) x`).join("\n  UNION ALL\n")}
) facts`;

// What record_out quotes a value for: emptiness, or a quote, backslash, parenthesis, comma or C isspace.
const NEEDS_QUOTES = /["\\(),\t\n\v\f\r ]/;
const ESCAPED = /["\\]/g;

/**
 * The digest fact of one row, from the text the server sent for each value: what `x::text` gives
 * (record_out) without making the server format every row twice.
 */
export function digestFact(kind: CatalogKind, values: readonly (string | null)[]): string {
  const fields = values.map((value) => {
    if (value === null || value === undefined) return "";
    return value === "" || NEEDS_QUOTES.test(value) ? `"${value.replace(ESCAPED, "$&$&")}"` : value;
  });
  // join() yields one flat string; appending builds a rope that every later regex and sort must flatten.
  return `${factPrefix(kind)}(${fields.join(",")})`;
}

// A surrogate (a character beyond U+FFFF) is the one place UTF-16 order and UTF-8 byte order disagree.
const SURROGATE = /[\uD800-\uDFFF]/;

/** What catalogDigestQuery computes, from every row's digestFact (UTF-8 databases only). */
export function digestOfFacts(facts: string[]): string {
  if (facts.length === 0) return "md5:empty";
  // COLLATE "C" sorts by bytes. Without surrogates, JavaScript's UTF-16 order is the same and far cheaper.
  const sorted = facts.some((fact) => SURROGATE.test(fact))
    ? facts
        .map((fact) => Buffer.from(fact, "utf8"))
        .sort(Buffer.compare)
        .map((fact) => fact.toString("utf8"))
    : [...facts].sort();
  return `md5:${createHash("md5").update(sorted.join("\n")).digest("hex")}`;
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
