import type { DbClient } from "../db/connect.js";
import { withClient } from "../db/connect.js";
import { catalogDigestQuery, DIGEST_FACT, digestOfFacts, withDigestFact } from "./digest.js";
import {
  type ColumnPositionRow,
  columnPositionsQuery,
  columnsQuery,
  constraintsQuery,
  indexesQuery,
  toColumn,
  toConstraint,
  toIndex,
} from "./kinds/columns.js";
import { type DependencyRow, dependenciesQuery, dependencyId } from "./kinds/dependencies.js";
import {
  collationsQuery,
  extensionsQuery,
  schemasQuery,
  toCollation,
  toExtension,
  toSchema,
} from "./kinds/namespaces.js";
import {
  sequencesQuery,
  type TableStatsRow,
  tableStats,
  tableStatsQuery,
  tablesQuery,
  toSequence,
  toTable,
  toView,
  viewsQuery,
} from "./kinds/relations.js";
import {
  functionsQuery,
  policiesQuery,
  toFunction,
  toPolicy,
  toTrigger,
  triggersQuery,
} from "./kinds/routines.js";
import { compositesQuery, domainsQuery, enumsQuery, toComposite, toDomain, toEnum } from "./kinds/types.js";
import { toUnsupported, unsupportedQuery } from "./kinds/unsupported.js";
import type { ColumnObj, DbObject, SchemaModel } from "./model.js";

/** One query per object kind, each mapped to model objects. */
const KINDS: readonly { query: string; map: (row: never) => DbObject }[] = [
  { query: schemasQuery, map: toSchema },
  { query: extensionsQuery, map: toExtension },
  { query: collationsQuery, map: toCollation },
  { query: enumsQuery, map: toEnum },
  { query: domainsQuery, map: toDomain },
  { query: compositesQuery, map: toComposite },
  { query: sequencesQuery, map: toSequence },
  { query: viewsQuery, map: toView },
  { query: columnsQuery, map: toColumn },
  { query: constraintsQuery, map: toConstraint },
  { query: indexesQuery, map: toIndex },
  { query: functionsQuery, map: toFunction },
  { query: triggersQuery, map: toTrigger },
  { query: policiesQuery, map: toPolicy },
  { query: unsupportedQuery, map: toUnsupported },
];

/** A schema as read from the catalog: the model, and the digest verify.sql computes for the same facts. */
export interface CatalogRead {
  model: SchemaModel;
  digest: string;
}

/** Reads the whole schema of the connected database in one consistent snapshot. */
export async function introspect(client: DbClient): Promise<SchemaModel> {
  return (await readCatalog(client)).model;
}

/**
 * The model and the catalog digest in one snapshot. Each catalog query's rows carry their digest fact,
 * so the digest costs no second pass over the catalog; databases not in UTF-8 get it from the server,
 * since md5() there hashes another encoding's bytes.
 */
export async function readCatalog(client: DbClient): Promise<CatalogRead> {
  await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  try {
    // With an empty search_path every deparsed name (views, defaults, functions) comes out schema-qualified,
    // so scripts mean the same thing whatever search_path they later run under.
    await client.query("SET LOCAL search_path = ''");
    const settings = (
      await client.query<{ version: string; encoding: string }>(
        "SELECT current_setting('server_version_num') AS version, current_setting('server_encoding') AS encoding",
      )
    ).rows[0];
    // A Map while reading: 20,000 keys are inserted and looked up far faster than on a plain object.
    const objects = new Map<string, DbObject>();
    const stats: SchemaModel["stats"] = {};
    const facts: string[] = [];
    // Outside UTF-8, md5() hashes another encoding's bytes: the server computes the digest instead.
    const factsHere = settings?.encoding === "UTF8";
    const read = async (query: string) => {
      if (!factsHere) return (await client.query<Record<string, unknown>>(query)).rows;
      const { rows } = await client.query<Record<string, unknown>>(withDigestFact(query));
      for (const row of rows) facts.push(String(row[DIGEST_FACT]));
      return rows;
    };
    for (const row of await read(tablesQuery)) {
      const table = toTable(row as never);
      objects.set(table.id, table);
    }
    for (const row of (await client.query<TableStatsRow>(tableStatsQuery)).rows) {
      stats[`rel:${row.identity}`] = tableStats(row);
    }
    for (const kind of KINDS) {
      for (const row of await read(kind.query)) {
        const object = kind.map(row as never);
        objects.set(object.id, object);
      }
    }
    const positions = (await client.query<ColumnPositionRow>(columnPositionsQuery)).rows;
    attachColumns(objects, positions);
    const casts = await client.query<{ pair: string; binary: boolean }>(
      `SELECT format_type(castsource, NULL) || '=>' || format_type(casttarget, NULL) AS pair,
              castmethod = 'b' AS binary
         FROM pg_cast ORDER BY 1`,
    );
    const dependencies = (await client.query<DependencyRow>(dependenciesQuery)).rows;
    attachDependencies(objects, dependencies);
    const digest = factsHere
      ? digestOfFacts(facts)
      : ((await client.query<{ digest: string }>(catalogDigestQuery)).rows[0]?.digest ?? "md5:empty");
    await client.query("COMMIT");
    const model: SchemaModel = {
      serverVersion: Number(settings?.version),
      binaryCoercible: casts.rows.filter((r) => r.binary).map((r) => r.pair),
      casts: casts.rows.map((r) => r.pair),
      objects: sortedById(objects),
      stats,
    };
    return { model, digest };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

export async function introspectUrl(url: string): Promise<SchemaModel> {
  return withClient(url, introspect, { readOnly: true, applicationName: "migrate-mcp introspect" });
}

function attachColumns(objects: Map<string, DbObject>, positions: ColumnPositionRow[]): void {
  const columns: ColumnObj[] = [];
  for (const { identity, position } of positions) {
    const column = objects.get(`column:${identity}`);
    if (column?.kind !== "column") continue;
    column.position = position;
    columns.push(column);
  }
  columns.sort((a, b) => a.position - b.position);
  for (const column of columns) {
    const table = objects.get(column.table);
    if (table?.kind === "table") table.columns.push(column.id);
  }
}

function attachDependencies(objects: Map<string, DbObject>, rows: DependencyRow[]): void {
  const found = new Map<DbObject, Set<string>>();
  for (const row of rows) {
    const from = dependencyId(row.catalog, row.identity, row.is_column);
    const to = dependencyId(row.ref_catalog, row.ref_identity, row.ref_is_column);
    if (!from || !to || from === to) continue;
    const object = objects.get(from);
    if (!object || !objects.has(to)) continue;
    const deps = found.get(object) ?? new Set<string>();
    deps.add(to);
    found.set(object, deps);
  }
  for (const [object, deps] of found) object.dependsOn = [...deps].sort();
}

/** The model's objects as a record in id order, so serialised models and iteration are stable. */
function sortedById(objects: Map<string, DbObject>): Record<string, DbObject> {
  const ids = [...objects.keys()].sort();
  const sorted: Record<string, DbObject> = {};
  for (const id of ids) sorted[id] = objects.get(id) as DbObject;
  return sorted;
}
