import type { DbClient } from "../db/connect.js";
import { columnsQuery, constraintsQuery, indexesQuery } from "./kinds/columns.js";
import { collationsQuery, extensionsQuery, schemasQuery } from "./kinds/namespaces.js";
import { sequencesQuery, tablesQuery, viewsQuery } from "./kinds/relations.js";
import { functionsQuery, policiesQuery, triggersQuery } from "./kinds/routines.js";
import { compositesQuery, domainsQuery, enumsQuery } from "./kinds/types.js";
import { unsupportedQuery } from "./kinds/unsupported.js";

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
 * One SQL query that hashes the same catalog facts the model is built from, computed entirely in the
 * server. verify.sql embeds it, so `psql -f verify.sql` can assert the schema without this tool.
 * Column positions and size statistics are left out, as in the model fingerprint. Run it with an empty
 * search_path so deparsed definitions are schema-qualified.
 */
export const catalogDigestQuery = `SELECT 'md5:' || coalesce(md5(string_agg(fact, E'\\n' ORDER BY fact)), 'empty') AS digest FROM (
${QUERIES.map((q, i) => `  SELECT '${i}:' || (to_jsonb(x) - 'position' - 'rows' - 'bytes')::text AS fact FROM (${q}) x`).join("\n  UNION ALL\n")}
) facts`;

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
