import { createHash } from "node:crypto";
import type { DbClient } from "../db/connect.js";
import { CATALOG_KINDS, type CatalogKind } from "./kinds/index.js";

/**
 * A row's digest fact: its kind's place in CATALOG_KINDS, then the row as JSON (`row_to_json(x)::text`),
 * which is also how introspection receives it. The queries hold definitions only (positions and
 * statistics are read apart), so the whole row is digested.
 */
export function factPrefix(kind: CatalogKind): string {
  const index = CATALOG_KINDS.indexOf(kind);
  if (index < 0) throw new Error(`catalog kind ${kind.name} is not in CATALOG_KINDS`);
  return `${index}:`;
}

/** A kind's rows, each as the one JSON text the digest hashes and introspection parses. */
export function rowsAsJson(kind: CatalogKind): string {
  return `SELECT row_to_json(x)::text AS fact FROM (${kind.query}) x`;
}

/**
 * Separates a kind's facts in factsQuery's one text. A fact never holds it: row_to_json escapes control
 * characters inside strings, and the JSON the server builds puts none between values.
 */
export const FACT_SEPARATOR = "\x1e";

/**
 * A kind's facts joined into one text with their count, which introspection splits: one row instead of
 * thousands costs the client half as much CPU as the per-row protocol did, and the server no more.
 */
export function factsQuery(kind: CatalogKind): string {
  return `SELECT count(*)::int AS count, string_agg(fact, E'\\x1e') AS facts FROM (${rowsAsJson(kind)}) facts`;
}

/**
 * One SQL query that hashes the same catalog facts the model is built from, computed entirely in the
 * server. verify.sql embeds it, so `psql -f verify.sql` can assert the schema without this tool.
 * Column positions and size statistics are not in these queries, as not in the model fingerprint. Facts are sorted
 * bytewise (COLLATE "C") so introspection can compute the same digest from the rows it reads. Run it with
 * an empty search_path so deparsed definitions are schema-qualified.
 */
export const catalogDigestQuery = `SELECT 'md5:' || coalesce(md5(string_agg(fact, E'\\n' ORDER BY fact COLLATE "C")), 'empty') AS digest FROM (
${CATALOG_KINDS.map((kind) => `  SELECT '${factPrefix(kind)}' || fact AS fact FROM (${rowsAsJson(kind)}) ${kind.name}`).join("\n  UNION ALL\n")}
) facts`;

// A surrogate (a character beyond U+FFFF) is the one place UTF-16 order and UTF-8 byte order disagree.
const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * The two hashes of a catalog's facts, both over the facts in byte order: the fingerprint (SHA-256), which
 * names a schema state everywhere, and what catalogDigestQuery computes (MD5), which only a UTF-8 database
 * computes the same way, since md5() there hashes the database encoding's bytes (null otherwise).
 */
export function hashFacts(facts: string[], utf8: boolean): { fingerprint: string; digest: string | null } {
  // COLLATE "C" sorts by bytes. Without surrogates, JavaScript's UTF-16 order is the same and far cheaper.
  const sorted = facts.some((fact) => SURROGATE.test(fact))
    ? facts
        .map((fact) => Buffer.from(fact, "utf8"))
        .sort(Buffer.compare)
        .map((fact) => fact.toString("utf8"))
    : [...facts].sort();
  const text = sorted.join("\n");
  const fingerprint = `sha256:${createHash("sha256").update(text).digest("hex")}`;
  if (!utf8) return { fingerprint, digest: null };
  return {
    fingerprint,
    digest: facts.length === 0 ? "md5:empty" : `md5:${createHash("md5").update(text).digest("hex")}`,
  };
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
