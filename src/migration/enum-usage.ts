import { objectList } from "../catalog/lookup.js";
import type { ColumnObj, EnumObj, SchemaModel } from "../catalog/model.js";
import { type DbClient, withClient } from "../db/connect.js";
import { quoteIdent } from "../db/quote.js";
import type { Change } from "../diff/change.js";

// Each check is one scan of a column; a table too large to scan quickly keeps the change destructive.
const CHECK_TIMEOUT_MS = 5000;

/**
 * `changes` with the enums that drop labels no row holds no longer marked destructive. Only a live source
 * database can tell (`databaseUrl`; null for schema files, whose rows are not the ones the plan will meet),
 * and only for labels held by columns of the type or arrays of it: one held inside a domain, composite or
 * range keeps its change destructive, as does any check that fails or times out.
 */
export async function withUnusedLabelDrops(
  changes: Change[],
  source: SchemaModel,
  target: SchemaModel,
  databaseUrl: string | null,
): Promise<Change[]> {
  if (databaseUrl === null) return changes;
  const checks = changes.flatMap((change) => {
    const from = source.objects[change.objectId];
    const to = target.objects[change.objectId];
    if (!change.destructive || from?.kind !== "enum" || to?.kind !== "enum") return [];
    const removed = from.labels.filter((label) => !to.labels.includes(label));
    const columns = holdingColumns(source, from);
    return removed.length && columns ? [{ id: change.objectId, type: from, removed, columns }] : [];
  });
  if (checks.length === 0) return changes;
  const unused = await withClient(
    databaseUrl,
    async (client) => {
      const found = new Set<string>();
      for (const check of checks) {
        if (!(await anyHeld(client, check.type, check.removed, check.columns))) found.add(check.id);
      }
      return found;
    },
    { readOnly: true, applicationName: "migrate-mcp enum usage" },
  ).catch(() => new Set<string>());
  return changes.map((change) => (unused.has(change.objectId) ? { ...change, destructive: false } : change));
}

/** The columns that store the enum or arrays of it; null when another type holds its values. */
function holdingColumns(model: SchemaModel, type: EnumObj): ColumnObj[] | null {
  const columns: ColumnObj[] = [];
  for (const object of objectList(model)) {
    if (!object.dependsOn.includes(type.id)) continue;
    if (object.kind === "domain" || object.kind === "composite" || object.kind === "range") return null;
    if (object.kind === "column" && (object.type === type.sqlName || object.type === `${type.sqlName}[]`))
      columns.push(object);
  }
  return columns;
}

async function anyHeld(
  client: DbClient,
  type: EnumObj,
  labels: string[],
  columns: ColumnObj[],
): Promise<boolean> {
  await client.query("BEGIN READ ONLY");
  try {
    await client.query(`SET LOCAL statement_timeout = ${CHECK_TIMEOUT_MS}`);
    for (const column of columns) {
      const name = quoteIdent(column.name);
      const held = column.type.endsWith("[]")
        ? `${name} && $1::${type.sqlName}[]`
        : `${name} = ANY ($1::${type.sqlName}[])`;
      const { rows } = await client.query<{ held: boolean }>(
        `SELECT EXISTS (SELECT 1 FROM ONLY ${column.tableSql} WHERE ${held}) AS held`,
        [labels],
      );
      if (rows[0]?.held !== false) return true;
    }
    return false;
  } finally {
    await client.query("ROLLBACK");
  }
}
