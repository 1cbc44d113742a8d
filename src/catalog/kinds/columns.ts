import type {
  ColumnObj,
  ConstraintObj,
  ConstraintType,
  IdentityOptions,
  IndexObj,
  Privileges,
} from "../model.js";
import {
  description,
  grants,
  identity,
  notExtensionMember,
  relationIdentity,
  userNamespace,
} from "../sql.js";

const userTable = `c.relkind IN ('r', 'p') AND ${userNamespace("n")} AND ${notExtensionMember("pg_class", "c.oid")}`;

// Whether a stored expression's node tree calls a volatile function: its function ids, looked up. The
// tree prints each call as ":funcid <oid> " and escapes spaces inside strings, so splitting on that token
// finds exactly the ids; it cost a third less than regexp_matches over 4,000 defaults. Matching one pattern
// of every volatile function's id cost three times as much per default.
const CALLS_VOLATILE = (tree: string) => `strpos(${tree}, ':funcid ') > 0 AND EXISTS (
         SELECT 1 FROM unnest((string_to_array(${tree}, ':funcid '))[2:]) call
           JOIN pg_proc p ON p.oid = split_part(call, ' ', 1)::oid
          WHERE p.provolatile = 'v')`;

export const columnsQuery = `
SELECT ${relationIdentity("n", "c")} AS table_identity, ${relationIdentity("n", "c", "a.attname")} AS identity,
       a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
       CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation
            THEN ${identity("pg_collation", "a.attcollation")} END AS collation,
       a.attnotnull AS not_null,
       CASE WHEN a.attgenerated = '' THEN pg_get_expr(ad.adbin, ad.adrelid) END AS "default",
       CASE WHEN a.attgenerated <> '' THEN pg_get_expr(ad.adbin, ad.adrelid) END AS generated,
       coalesce(${CALLS_VOLATILE("ad.adbin::text")}, false) AS default_volatile,
       a.attidentity AS identity_kind,
       (SELECT json_build_object('start', s.seqstart::text, 'increment', s.seqincrement::text, 'min', s.seqmin::text,
                 'max', s.seqmax::text, 'cache', s.seqcache::text, 'cycle', s.seqcycle,
                 'sequence', ${relationIdentity("sn", "sc")}, 'sequenceName', sc.relname,
                 'comment', ${description("pg_class", "sc.oid")}, 'grants', ${grants("sc.relacl", "s", "sc.relowner")})
          FROM pg_depend d JOIN pg_sequence s ON s.seqrelid = d.objid JOIN pg_class sc ON sc.oid = d.objid
          JOIN pg_namespace sn ON sn.oid = sc.relnamespace
         WHERE a.attidentity <> '' AND d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass
           AND d.refobjid = c.oid AND d.refobjsubid = a.attnum AND d.deptype = 'i') AS identity_options,
       NOT a.attislocal AS inherited, ${description("pg_class", "a.attrelid", "a.attnum")} AS comment,
       CASE WHEN a.attstattarget >= 0 THEN a.attstattarget::int END AS statistics,
       CASE WHEN a.attstorage <> t.typstorage THEN a.attstorage::text END AS storage, t.typstorage::text AS type_storage,
       nullif(a.attcompression::text, '') AS compression,
       -- The options PostgreSQL defines for a column; a server module may keep its own there too.
       ARRAY(SELECT o FROM unnest(a.attoptions) o WHERE o LIKE 'n\\_distinct%') AS attribute_options,
       ${grants("a.attacl", null, null)} AS grants
  FROM pg_attribute a
  JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
  JOIN pg_type t ON t.oid = a.atttypid
  LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
 WHERE a.attnum > 0 AND NOT a.attisdropped AND ${userTable}`;

/**
 * Where each column sits in its table. Kept out of columnsQuery because a column's position is not part of
 * its definition (an online type change moves it last), and that query's rows are digested as they are.
 */
export const columnPositionsQuery = `
SELECT ${relationIdentity("n", "c", "a.attname")} AS identity, a.attnum AS position, a.attrelid AS relation
  FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE a.attnum > 0 AND NOT a.attisdropped AND ${userTable}`;

export interface ColumnPositionRow {
  identity: string;
  position: number;
  /** The table's oid: with position, what pg_depend names a column by. */
  relation: number;
}

interface ColumnRow {
  table_identity: string;
  identity: string;
  name: string;
  type: string;
  collation: string | null;
  not_null: boolean;
  default: string | null;
  generated: string | null;
  default_volatile: boolean;
  identity_kind: string;
  identity_options: IdentityOptions | null;
  inherited: boolean;
  comment: string | null;
  grants: Privileges;
  statistics: number | null;
  storage: string | null;
  type_storage: string;
  compression: string | null;
  attribute_options: string[];
}

export function toColumn(row: ColumnRow): ColumnObj {
  return {
    kind: "column",
    id: `column:${row.identity}`,
    sqlName: row.identity,
    table: `rel:${row.table_identity}`,
    tableSql: row.table_identity,
    name: row.name,
    // Set from columnPositionsQuery.
    position: 0,
    type: row.type,
    collation: row.collation,
    notNull: row.not_null,
    default: row.default,
    identity: row.identity_kind === "a" ? "always" : row.identity_kind === "d" ? "by default" : null,
    identityOptions: row.identity_options,
    generated: row.generated,
    defaultVolatile: row.default_volatile,
    inherited: row.inherited,
    statistics: row.statistics,
    storage: row.storage,
    typeStorage: row.type_storage,
    compression: row.compression,
    attributeOptions: row.attribute_options,
    comment: row.comment,
    grants: row.grants,
    dependsOn: [],
  };
}

// NOT NULL constraints (contype 'n', PostgreSQL 18) are described by the column's notNull; constraint
// triggers ('t') are described by their trigger.
export const constraintsQuery = `
SELECT ${relationIdentity("n", "c")} AS table_identity,
       quote_ident(k.conname) || ' on ' || ${relationIdentity("n", "c")} AS identity, k.conname AS name, k.contype AS type, pg_get_constraintdef(k.oid) AS definition, k.convalidated AS validated,
       (k.coninhcount > 0 AND NOT k.conislocal) OR k.conparentid <> 0 AS inherited,
       ${description("pg_constraint", "k.oid")} AS comment,
       coalesce(ki.reloptions, '{}') AS index_options, ${relationIdentity("n", "ki")} AS index_sql
  FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
  -- pg_get_constraintdef leaves out the storage options of the index a key builds.
  LEFT JOIN pg_class ki ON ki.oid = k.conindid AND k.contype IN ('p', 'u')
 WHERE k.contype IN ('p', 'u', 'f', 'c', 'x') AND ${userTable}`;

interface ConstraintRow {
  table_identity: string;
  identity: string;
  name: string;
  type: string;
  definition: string;
  validated: boolean;
  inherited: boolean;
  comment: string | null;
  index_options: string[];
  index_sql: string | null;
}

const CONSTRAINT_TYPE: Record<string, ConstraintType> = {
  p: "primary key",
  u: "unique",
  f: "foreign key",
  c: "check",
  x: "exclusion",
};

export function toConstraint(row: ConstraintRow): ConstraintObj {
  return {
    kind: "constraint",
    id: `constraint:${row.identity}`,
    sqlName: row.identity,
    table: `rel:${row.table_identity}`,
    tableSql: row.table_identity,
    name: row.name,
    type: CONSTRAINT_TYPE[row.type] ?? "check",
    definition: row.definition,
    validated: row.validated,
    inherited: row.inherited,
    indexOptions: row.index_options,
    indexSql: row.index_sql,
    comment: row.comment,
    dependsOn: [],
  };
}

export const indexesQuery = `
SELECT ${relationIdentity("n", "c")} AS table_identity, ${relationIdentity("n", "ic")} AS identity,
       n.nspname AS schema, ic.relname AS name, pg_get_indexdef(i.indexrelid) AS definition,
       quote_ident(k.conname) || ' on ' || ${relationIdentity("n", "c")} AS owner,
       (SELECT ${relationIdentity("pn", "pc")} FROM pg_inherits h JOIN pg_class pc ON pc.oid = h.inhparent
          JOIN pg_namespace pn ON pn.oid = pc.relnamespace WHERE h.inhrelid = i.indexrelid) AS parent_index,
       i.indisclustered AS clustered, ${description("pg_class", "i.indexrelid")} AS comment
  FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
  JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
  -- A key or exclusion constraint owns at most one index, and each index has at most one such owner.
  -- Joined: pg_constraint has no index on conindid, so a subquery per index scanned its table's constraints.
  LEFT JOIN pg_constraint k ON k.conindid = i.indexrelid AND k.conrelid = i.indrelid AND k.contype IN ('p', 'u', 'x')
 WHERE (c.relkind IN ('r', 'p', 'm')) AND ${userNamespace("n")} AND ${notExtensionMember("pg_class", "c.oid")}`;

interface IndexRow {
  table_identity: string;
  identity: string;
  schema: string;
  name: string;
  definition: string;
  owner: string | null;
  parent_index: string | null;
  clustered: boolean;
  comment: string | null;
}

export function toIndex(row: IndexRow): IndexObj {
  return {
    kind: "index",
    id: `rel:${row.identity}`,
    sqlName: row.identity,
    table: `rel:${row.table_identity}`,
    tableSql: row.table_identity,
    schema: row.schema,
    name: row.name,
    definition: row.definition,
    ownerConstraint: row.owner ? `constraint:${row.owner}` : null,
    parentIndex: row.parent_index ? `rel:${row.parent_index}` : null,
    clustered: row.clustered,
    comment: row.comment,
    dependsOn: [],
  };
}
