import type {
  CompositeAttribute,
  CompositeObj,
  DomainConstraint,
  DomainObj,
  EnumObj,
  Privileges,
  RangeObj,
} from "../model.js";
import { description, grants, identity, notExtensionMember, userNamespace } from "../sql.js";

const userType = (t: string) => `${userNamespace("n")} AND ${notExtensionMember("pg_type", `${t}.oid`)}`;

export const enumsQuery = `
SELECT n.nspname AS schema, t.typname AS name, ${identity("pg_type", "t.oid")} AS identity,
       ${description("pg_type", "t.oid")} AS comment, ${grants("t.typacl", "T", "t.typowner")} AS grants,
       (SELECT json_agg(e.enumlabel ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid) AS labels
  FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
 WHERE t.typtype = 'e' AND ${userType("t")}`;

interface EnumRow {
  schema: string;
  name: string;
  identity: string;
  comment: string | null;
  grants: Privileges;
  labels: string[] | null;
}

export function toEnum(row: EnumRow): EnumObj {
  return {
    kind: "enum",
    id: `type:${row.identity}`,
    sqlName: row.identity,
    schema: row.schema,
    name: row.name,
    labels: row.labels ?? [],
    comment: row.comment,
    grants: row.grants,
    dependsOn: [],
  };
}

export const domainsQuery = `
SELECT n.nspname AS schema, t.typname AS name, ${identity("pg_type", "t.oid")} AS identity,
       format_type(t.typbasetype, t.typtypmod) AS base_type, t.typnotnull AS not_null,
       -- typdefault keeps the text as written, under its creator's search_path: deparsed, names are qualified.
       pg_get_expr(t.typdefaultbin, 0) AS "default",
       CASE WHEN t.typcollation <> 0 AND t.typcollation <> b.typcollation
            THEN ${identity("pg_collation", "t.typcollation")} END AS collation,
       ${description("pg_type", "t.oid")} AS comment, ${grants("t.typacl", "T", "t.typowner")} AS grants,
       (SELECT coalesce(json_agg(json_build_object('name', c.conname, 'definition', pg_get_constraintdef(c.oid),
                 'validated', c.convalidated, 'comment', ${description("pg_constraint", "c.oid")})
                 ORDER BY c.conname), '[]'::json)
          FROM pg_constraint c WHERE c.contypid = t.oid AND c.contype = 'c') AS constraints
  FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_type b ON b.oid = t.typbasetype
 WHERE t.typtype = 'd' AND ${userType("t")}`;

interface DomainRow {
  schema: string;
  name: string;
  identity: string;
  base_type: string;
  not_null: boolean;
  default: string | null;
  collation: string | null;
  comment: string | null;
  grants: Privileges;
  constraints: DomainConstraint[];
}

export function toDomain(row: DomainRow): DomainObj {
  return {
    kind: "domain",
    id: `type:${row.identity}`,
    sqlName: row.identity,
    schema: row.schema,
    name: row.name,
    baseType: row.base_type,
    notNull: row.not_null,
    default: row.default,
    collation: row.collation,
    constraints: row.constraints,
    comment: row.comment,
    grants: row.grants,
    dependsOn: [],
  };
}

export const compositesQuery = `
SELECT n.nspname AS schema, t.typname AS name, ${identity("pg_type", "t.oid")} AS identity,
       ${description("pg_type", "t.oid")} AS comment, ${grants("t.typacl", "T", "t.typowner")} AS grants,
       (SELECT coalesce(json_agg(json_build_object('name', a.attname, 'type', format_type(a.atttypid, a.atttypmod),
                 'collation', CASE WHEN a.attcollation <> 0 AND a.attcollation <> at.typcollation
                                   THEN ${identity("pg_collation", "a.attcollation")} END,
                 'comment', ${description("pg_class", "t.typrelid", "a.attnum")}) ORDER BY a.attnum), '[]'::json)
          FROM pg_attribute a JOIN pg_type at ON at.oid = a.atttypid
         WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped) AS attributes
  FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_class c ON c.oid = t.typrelid
 WHERE t.typtype = 'c' AND c.relkind = 'c' AND ${userType("t")}`;

interface CompositeRow {
  schema: string;
  name: string;
  identity: string;
  comment: string | null;
  grants: Privileges;
  attributes: CompositeAttribute[];
}

export function toComposite(row: CompositeRow): CompositeObj {
  return {
    kind: "composite",
    id: `type:${row.identity}`,
    sqlName: row.identity,
    schema: row.schema,
    name: row.name,
    attributes: row.attributes,
    comment: row.comment,
    grants: row.grants,
    dependsOn: [],
  };
}

/**
 * Range types. One with a canonical function (which only C can write, on a shell type) is left to the
 * unsupported kinds. The multirange type is read by name, since its default name is derived from the
 * range's in more than one way; regproc prints a function schema-qualified under the empty search_path.
 */
export const rangesQuery = `
SELECT n.nspname AS schema, t.typname AS name, ${identity("pg_type", "t.oid")} AS identity,
       format_type(r.rngsubtype, NULL) AS subtype,
       CASE WHEN NOT oc.opcdefault THEN ${identity("pg_opclass", "oc.oid")} END AS subtype_opclass,
       CASE WHEN r.rngcollation <> 0 AND r.rngcollation <> st.typcollation
            THEN ${identity("pg_collation", "r.rngcollation")} END AS collation,
       CASE WHEN r.rngsubdiff <> 0 THEN r.rngsubdiff::regproc::text END AS subtype_diff,
       format_type(r.rngmultitypid, NULL) AS multirange,
       ${description("pg_type", "t.oid")} AS comment, ${grants("t.typacl", "T", "t.typowner")} AS grants
  FROM pg_range r JOIN pg_type t ON t.oid = r.rngtypid JOIN pg_namespace n ON n.oid = t.typnamespace
  JOIN pg_type st ON st.oid = r.rngsubtype JOIN pg_opclass oc ON oc.oid = r.rngsubopc
 WHERE r.rngcanonical = 0 AND ${userType("t")}`;

interface RangeRow {
  schema: string;
  name: string;
  identity: string;
  subtype: string;
  subtype_opclass: string | null;
  collation: string | null;
  subtype_diff: string | null;
  multirange: string;
  comment: string | null;
  grants: Privileges;
}

export function toRange(row: RangeRow): RangeObj {
  return {
    kind: "range",
    id: `type:${row.identity}`,
    sqlName: row.identity,
    schema: row.schema,
    name: row.name,
    subtype: row.subtype,
    subtypeOpclass: row.subtype_opclass,
    collation: row.collation,
    subtypeDiff: row.subtype_diff,
    multirange: row.multirange,
    comment: row.comment,
    grants: row.grants,
    dependsOn: [],
  };
}
