import type { DbClient } from "../db/connect.js";
import { withClient } from "../db/connect.js";
import { MigrateError } from "../errors.js";
import { recordFact } from "./definition.js";
import { catalogDigestQuery, FACT_SEPARATOR, factPrefix, factsQuery, hashFacts } from "./digest.js";
import { type ColumnPositionRow, columnPositionsQuery } from "./kinds/columns.js";
import {
  type DependencyRow,
  dependenciesQuery,
  dependencyResolver,
  type EndpointRow,
  endpointsQuery,
} from "./kinds/dependencies.js";
import { CATALOG_KINDS, type CatalogKind } from "./kinds/index.js";
import { extensionUpdatesQuery } from "./kinds/namespaces.js";
import { type TableStatsRow, tableStats, tableStatsQuery } from "./kinds/relations.js";
import type { ColumnObj, DbObject, SchemaModel } from "./model.js";

/**
 * A schema as read from the catalog: the model, its fingerprint, and the digest verify.sql computes for
 * the same facts.
 */
export interface CatalogRead {
  model: SchemaModel;
  fingerprint: string;
  digest: string;
}

/** Reads the whole schema of the connected database in one consistent snapshot. */
export async function introspect(client: DbClient): Promise<SchemaModel> {
  return (await readCatalog(client)).model;
}

/**
 * The model, fingerprint and catalog digest in one snapshot. Each row's digest fact is the JSON text the
 * server sent for it, so the hashes cost no second pass over the catalog; databases not in UTF-8 get the
 * digest from the server, since md5() there hashes another encoding's bytes.
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
    for (const row of (await client.query<TableStatsRow>(tableStatsQuery)).rows) {
      stats[`rel:${row.identity}`] = tableStats(row);
    }
    for (const kind of CATALOG_KINDS) {
      for (const object of await readObjects(client, kind, facts)) {
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
    const extensionUpdates: Record<string, string[]> = {};
    for (const { name, version } of (
      await client.query<{ name: string; version: string }>(extensionUpdatesQuery)
    ).rows) {
      extensionUpdates[name] = [...(extensionUpdates[name] ?? []), version];
    }
    const dependencies = (await client.query<DependencyRow>(dependenciesQuery)).rows;
    const endpoints = (await client.query<EndpointRow>(endpointsQuery)).rows;
    attachDependencies(objects, dependencies, dependencyResolver(endpoints, positions));
    const hashes = hashFacts(facts, settings?.encoding === "UTF8");
    const digest =
      hashes.digest ??
      (await client.query<{ digest: string }>(catalogDigestQuery)).rows[0]?.digest ??
      "md5:empty";
    await client.query("COMMIT");
    const model: SchemaModel = {
      serverVersion: Number(settings?.version),
      binaryCoercible: casts.rows.filter((r) => r.binary).map((r) => r.pair),
      casts: casts.rows.map((r) => r.pair),
      extensionUpdates,
      objects: sortedById(objects),
      stats,
    };
    return { model, fingerprint: hashes.fingerprint, digest };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

/**
 * A kind's objects. Each row arrives as one JSON text: parsed natively, where pg's per-field parsing of 20,000
 * rows cost several times as much, hashed as it came, and remembered as the fact the object was built from.
 */
async function readObjects(client: DbClient, kind: CatalogKind, facts: string[]): Promise<DbObject[]> {
  const { rows } = await client.query<[string, string | null]>({
    text: factsQuery(kind),
    rowMode: "array",
    types: AS_TEXT,
  });
  const [count, joined] = rows[0] ?? ["0", null];
  const texts = joined === null ? [] : joined.split(FACT_SEPARATOR);
  if (texts.length !== Number(count)) {
    throw new MigrateError(
      "INTERNAL",
      `reading ${kind.name} from the catalog gave ${texts.length} rows where the server counted ${count}; please report this`,
    );
  }
  const prefix = factPrefix(kind);
  return texts.map((fact) => {
    const object = kind.map(JSON.parse(fact) as never);
    const prefixed = prefix + fact;
    facts.push(prefixed);
    recordFact(object, prefixed);
    return object;
  });
}

const AS_TEXT = { getTypeParser: () => (value: string) => value };

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

function attachDependencies(
  objects: Map<string, DbObject>,
  rows: DependencyRow[],
  modelId: ReturnType<typeof dependencyResolver>,
): void {
  const found = new Map<DbObject, Set<string>>();
  for (const row of rows) {
    const from = modelId(row.catalog, row.oid, row.sub);
    const to = modelId(row.ref_catalog, row.ref_oid, row.ref_sub);
    // Within one catalog object nothing is ordered, except that a generated column reads its table's other
    // columns: retyping or dropping one of those rebuilds or drops the generated column first.
    if (!from || !to || from.id === to.id) continue;
    if (from.owner === to.owner && !(from.id.startsWith("column:") && to.id.startsWith("column:"))) continue;
    const object = objects.get(from.id);
    if (!object || !objects.has(to.id)) continue;
    const deps = found.get(object) ?? new Set<string>();
    deps.add(to.id);
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
