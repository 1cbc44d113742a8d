import type { Privileges, ReplicaIdentity, SequenceObj, TableObj, ViewObj } from "../model.js";
import {
  description,
  grants,
  identity,
  notExtensionMember,
  relationIdentity,
  userNamespace,
} from "../sql.js";

const userRelation = `${userNamespace("n")} AND ${notExtensionMember("pg_class", "c.oid")}`;

// Identity-column sequences belong to their column (deptype 'i') and are described there.
export const sequencesQuery = `
SELECT n.nspname AS schema, c.relname AS name, ${relationIdentity("n", "c")} AS identity,
       format_type(s.seqtypid, NULL) AS data_type, s.seqstart::text AS start, s.seqincrement::text AS increment,
       s.seqmin::text AS min, s.seqmax::text AS max, s.seqcache::text AS cache, s.seqcycle AS cycle,
       c.relpersistence = 'u' AS unlogged, ${description("pg_class", "c.oid")} AS comment,
       ${grants("c.relacl", "s", "c.relowner")} AS grants,
       (SELECT ${identity("pg_class", "d.refobjid", "d.refobjsubid")} FROM pg_depend d
         WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.refclassid = 'pg_class'::regclass
           AND d.refobjsubid > 0 AND d.deptype = 'a' LIMIT 1) AS owned_by
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_sequence s ON s.seqrelid = c.oid
 WHERE c.relkind = 'S' AND ${userRelation}
   AND NOT EXISTS (SELECT 1 FROM pg_depend i WHERE i.classid = 'pg_class'::regclass AND i.objid = c.oid
                     AND i.deptype = 'i')`;

interface SequenceRow {
  schema: string;
  name: string;
  identity: string;
  data_type: string;
  start: string;
  increment: string;
  min: string;
  max: string;
  cache: string;
  cycle: boolean;
  unlogged: boolean;
  comment: string | null;
  grants: Privileges;
  owned_by: string | null;
}

export function toSequence(row: SequenceRow): SequenceObj {
  return {
    kind: "sequence",
    id: `rel:${row.identity}`,
    sqlName: row.identity,
    schema: row.schema,
    name: row.name,
    dataType: row.data_type,
    start: row.start,
    increment: row.increment,
    min: row.min,
    max: row.max,
    cache: row.cache,
    cycle: row.cycle,
    unlogged: row.unlogged,
    ownedBy: row.owned_by ? `column:${row.owned_by}` : null,
    ownedBySql: row.owned_by,
    comment: row.comment,
    grants: row.grants,
    dependsOn: [],
  };
}

export const tablesQuery = `
SELECT n.nspname AS schema, c.relname AS name, ${relationIdentity("n", "c")} AS identity,
       c.relpersistence = 'u' AS unlogged,
       -- The TOAST table's options, as toast.<name>: how CREATE TABLE and ALTER TABLE set them (ASCII only: the
       -- query text is converted to the database's encoding).
       coalesce(c.reloptions, '{}') || coalesce((SELECT array_agg('toast.' || o ORDER BY ordinality) FROM pg_class tc,
         unnest(tc.reloptions) WITH ORDINALITY o WHERE tc.oid = c.reltoastrelid), '{}') AS options, c.relreplident AS replident,
       (SELECT ic.relname FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
         WHERE i.indrelid = c.oid AND i.indisreplident) AS replica_index,
       CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END AS partition_key,
       CASE WHEN c.reloftype <> 0 THEN ${identity("pg_type", "c.reloftype")} END AS of_type,
       CASE WHEN c.relispartition THEN (SELECT ${identity("pg_class", "h.inhparent")} FROM pg_inherits h
                                          WHERE h.inhrelid = c.oid) END AS partition_of,
       CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END AS partition_bound,
       CASE WHEN c.relispartition THEN '[]'::json ELSE
         (SELECT coalesce(json_agg(${identity("pg_class", "h.inhparent")} ORDER BY h.inhseqno), '[]'::json)
            FROM pg_inherits h WHERE h.inhrelid = c.oid) END AS inherits,
       c.relrowsecurity AS row_security, c.relforcerowsecurity AS force_row_security,
       ${description("pg_class", "c.oid")} AS comment, ${grants("c.relacl", "r", "c.relowner")} AS grants
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE c.relkind IN ('r', 'p') AND ${userRelation}`;

/** Table sizes for estimates: statistics, not definitions, so apart from tablesQuery and its digest. */
export const tableStatsQuery = `
SELECT ${relationIdentity("n", "c")} AS identity,
       greatest(c.reltuples, 0)::float8 AS rows, (c.relpages::bigint * current_setting('block_size')::int) AS bytes
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE c.relkind IN ('r', 'p') AND ${userRelation}`;

interface TableRow {
  schema: string;
  name: string;
  identity: string;
  unlogged: boolean;
  options: string[];
  replident: string;
  replica_index: string | null;
  partition_key: string | null;
  of_type: string | null;
  partition_of: string | null;
  partition_bound: string | null;
  inherits: string[];
  row_security: boolean;
  force_row_security: boolean;
  comment: string | null;
  grants: Privileges;
}

export interface TableStatsRow {
  identity: string;
  rows: number;
  bytes: string;
}

const REPLICA_IDENTITY: Record<string, ReplicaIdentity> = {
  d: "default",
  n: "nothing",
  f: "full",
  i: "index",
};

export function toTable(row: TableRow): TableObj {
  return {
    kind: "table",
    id: `rel:${row.identity}`,
    sqlName: row.identity,
    schema: row.schema,
    name: row.name,
    unlogged: row.unlogged,
    options: row.options,
    replicaIdentity: REPLICA_IDENTITY[row.replident] ?? "default",
    replicaIndex: row.replident === "i" ? row.replica_index : null,
    partitionKey: row.partition_key,
    ofType: row.of_type === null ? null : `type:${row.of_type}`,
    ofTypeSql: row.of_type,
    partitionOf: row.partition_of ? `rel:${row.partition_of}` : null,
    partitionOfSql: row.partition_of,
    partitionBound: row.partition_bound,
    inherits: row.inherits.map((parent) => `rel:${parent}`),
    inheritsSql: row.inherits,
    rowSecurity: row.row_security,
    forceRowSecurity: row.force_row_security,
    columns: [],
    comment: row.comment,
    grants: row.grants,
    dependsOn: [],
  };
}

export function tableStats(row: TableStatsRow): { rows: number; bytes: number } {
  return { rows: row.rows, bytes: Number(row.bytes) };
}

// Definitions and options are kept exactly as stored: pg_dump prints both as they are, so any difference
// (a VALUES list deparsed as "( VALUES", options in another order) is a real one the diff must remove.
export const viewsQuery = `
SELECT n.nspname AS schema, c.relname AS name, ${relationIdentity("n", "c")} AS identity,
       CASE c.relkind WHEN 'v' THEN 'view' ELSE 'materialized view' END AS kind,
       pg_get_viewdef(c.oid) AS definition, coalesce(c.reloptions, '{}') AS options, c.relispopulated AS populated,
       ${description("pg_class", "c.oid")} AS comment, ${grants("c.relacl", "r", "c.relowner")} AS grants,
       (SELECT coalesce(json_object_agg(a.attname, d.description), '{}'::json)
          FROM pg_attribute a JOIN pg_description d
            ON d.objoid = c.oid AND d.classoid = 'pg_class'::regclass AND d.objsubid = a.attnum
         WHERE a.attrelid = c.oid AND a.attnum > 0) AS column_comments,
       (SELECT coalesce(json_object_agg(a.attname, ${grants("a.attacl", null, null)}), '{}'::json)
          FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND a.attacl IS NOT NULL) AS column_grants,
       (SELECT coalesce(json_object_agg(a.attname, pg_get_expr(ad.adbin, ad.adrelid) ORDER BY a.attnum), '{}'::json)
          FROM pg_attrdef ad JOIN pg_attribute a ON a.attrelid = ad.adrelid AND a.attnum = ad.adnum
         WHERE ad.adrelid = c.oid) AS column_defaults
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE c.relkind IN ('v', 'm') AND ${userRelation}`;

interface ViewRow {
  schema: string;
  name: string;
  identity: string;
  kind: "view" | "materialized view";
  definition: string;
  options: string[];
  populated: boolean;
  comment: string | null;
  grants: Privileges;
  column_comments: Record<string, string>;
  column_grants: Record<string, Privileges>;
  column_defaults: Record<string, string>;
}

export function toView(row: ViewRow): ViewObj {
  return {
    kind: row.kind,
    id: `rel:${row.identity}`,
    sqlName: row.identity,
    schema: row.schema,
    name: row.name,
    definition: row.definition.trim().replace(/;$/, ""),
    options: row.options,
    populated: row.populated,
    columnComments: row.column_comments,
    columnGrants: row.column_grants,
    columnDefaults: row.column_defaults,
    comment: row.comment,
    grants: row.grants,
    dependsOn: [],
  };
}
