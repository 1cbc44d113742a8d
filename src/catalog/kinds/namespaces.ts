import { quoteIdent } from "../../db/quote.js";
import type { CollationObj, ExtensionObj, Privileges, SchemaObj } from "../model.js";
import { description, grants, grantsAgainst, identity, notExtensionMember, userNamespace } from "../sql.js";

export const schemasQuery = `
SELECT n.nspname AS name, ${identity("pg_namespace", "n.oid")} AS identity,
       ${description("pg_namespace", "n.oid")} AS comment, ${grants("n.nspacl", "n", "n.nspowner")} AS grants
  FROM pg_namespace n
 WHERE ${userNamespace("n")} AND ${notExtensionMember("pg_namespace", "n.oid")}`;

interface SchemaRow {
  name: string;
  identity: string;
  comment: string | null;
  grants: Privileges;
}

export function toSchema(row: SchemaRow): SchemaObj {
  return {
    kind: "schema",
    id: `schema:${row.identity}`,
    sqlName: quoteIdent(row.name),
    name: row.name,
    comment: row.comment,
    grants: row.grants,
    dependsOn: [],
  };
}

/**
 * The privileges of an extension's functions, types and relations, with what its script left them
 * (pg_init_privs, or the defaults): pg_dump prints a member's grants where they differ, as a user's change.
 * `target` is how GRANT names the member.
 */
const MEMBER_ACLS = `
SELECT CASE m.classid WHEN 'pg_proc'::regclass THEN 'FUNCTION ' WHEN 'pg_type'::regclass THEN 'TYPE '
            ELSE CASE c.relkind WHEN 'S' THEN 'SEQUENCE ' ELSE 'TABLE ' END END
         || (pg_identify_object(m.classid, m.objid, 0)).identity AS target,
       coalesce(p.proacl, t.typacl, c.relacl) AS acl,
       coalesce(i.initprivs, CASE m.classid WHEN 'pg_proc'::regclass THEN acldefault('f', p.proowner)
                                            WHEN 'pg_type'::regclass THEN acldefault('T', t.typowner)
                                            ELSE acldefault((CASE c.relkind WHEN 'S' THEN 's' ELSE 'r' END)::"char", c.relowner) END) AS baseline
  FROM pg_depend m
  LEFT JOIN pg_proc p ON m.classid = 'pg_proc'::regclass AND p.oid = m.objid
  LEFT JOIN pg_type t ON m.classid = 'pg_type'::regclass AND t.oid = m.objid
  LEFT JOIN pg_class c ON m.classid = 'pg_class'::regclass AND c.oid = m.objid
  LEFT JOIN pg_init_privs i ON i.classoid = m.classid AND i.objoid = m.objid AND i.objsubid = 0
 WHERE m.refclassid = 'pg_extension'::regclass AND m.refobjid = e.oid AND m.deptype = 'e'
   AND m.classid IN ('pg_proc'::regclass, 'pg_type'::regclass, 'pg_class'::regclass)`;

// Standalone: no member is a table (which may hold data), and nothing that is not itself a member of an
// extension depends on a member. Operator class entries (pg_amop, pg_amproc) hang off members and are
// never members themselves, so they do not count.
export const extensionsQuery = `
SELECT e.extname AS name, e.extversion AS version, n.nspname AS schema,
       ${identity("pg_extension", "e.oid")} AS identity, ${description("pg_extension", "e.oid")} AS comment,
       NOT EXISTS (
         SELECT 1 FROM pg_depend m
          WHERE m.refclassid = 'pg_extension'::regclass AND m.refobjid = e.oid AND m.deptype = 'e'
            AND (m.classid = 'pg_class'::regclass OR EXISTS (
                  SELECT 1 FROM pg_depend d
                   WHERE d.refclassid = m.classid AND d.refobjid = m.objid AND d.deptype IN ('n', 'a')
                     AND d.classid NOT IN ('pg_amop'::regclass, 'pg_amproc'::regclass)
                     AND NOT EXISTS (SELECT 1 FROM pg_depend o
                                      WHERE o.classid = d.classid AND o.objid = d.objid
                                        AND o.refclassid = 'pg_extension'::regclass AND o.deptype = 'e')))
       ) AS standalone,
       (SELECT coalesce(json_object_agg(m.target, ${grantsAgainst("m.acl", "m.baseline")} ORDER BY m.target), '{}'::json)
          FROM (${MEMBER_ACLS}) m WHERE m.acl IS DISTINCT FROM m.baseline) AS member_grants
  FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
 WHERE e.extname <> 'plpgsql'`;

/** The versions each installed extension can be updated to from the version it is at. */
export const extensionUpdatesQuery = `
SELECT e.extname AS name, p.target AS version
  FROM pg_extension e, pg_extension_update_paths(e.extname) p
 WHERE p.source = e.extversion AND p.path IS NOT NULL AND e.extname <> 'plpgsql'
 ORDER BY 1, 2`;

interface ExtensionRow {
  name: string;
  version: string;
  schema: string;
  identity: string;
  comment: string | null;
  standalone: boolean;
  member_grants: Record<string, Privileges>;
}

export function toExtension(row: ExtensionRow): ExtensionObj {
  return {
    kind: "extension",
    id: `extension:${row.identity}`,
    sqlName: quoteIdent(row.name),
    name: row.name,
    schema: row.schema,
    version: row.version,
    standalone: row.standalone,
    memberGrants: row.member_grants,
    comment: row.comment,
    dependsOn: [],
  };
}

// colliculocale (PG 15-16) was renamed colllocale (PG 17); reading through jsonb works on both.
export const collationsQuery = `
SELECT n.nspname AS schema, c.collname AS name, ${identity("pg_collation", "c.oid")} AS identity,
       c.collprovider AS provider, c.collcollate AS collate, c.collctype AS ctype,
       coalesce(to_jsonb(c) ->> 'colllocale', to_jsonb(c) ->> 'colliculocale') AS locale,
       c.collisdeterministic AS deterministic, ${description("pg_collation", "c.oid")} AS comment
  FROM pg_collation c JOIN pg_namespace n ON n.oid = c.collnamespace
 WHERE ${userNamespace("n")} AND ${notExtensionMember("pg_collation", "c.oid")}`;

interface CollationRow {
  schema: string;
  name: string;
  identity: string;
  provider: string;
  collate: string | null;
  ctype: string | null;
  locale: string | null;
  deterministic: boolean;
  comment: string | null;
}

export function toCollation(row: CollationRow): CollationObj {
  return {
    kind: "collation",
    id: `collation:${row.identity}`,
    sqlName: row.identity,
    schema: row.schema,
    name: row.name,
    provider: row.provider,
    collate: row.collate,
    ctype: row.ctype,
    locale: row.locale,
    deterministic: row.deterministic,
    comment: row.comment,
    dependsOn: [],
  };
}
