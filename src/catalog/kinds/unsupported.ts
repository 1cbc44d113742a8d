import type { UnsupportedObj } from "../model.js";
import { identity, notExtensionMember, relationIdentity, userNamespace } from "../sql.js";

/**
 * Objects the engine cannot migrate yet. They are read with a signature of their definition so that an
 * identical object on both sides passes, while any difference is refused by name instead of skipped.
 */
/** One kind's rows, for a kind whose objects live in a schema: named by pg_identify_object, user schemas only. */
function inUserSchema(
  description: string,
  catalog: string,
  alias: string,
  namespace: string,
  signature: string,
): string {
  return `SELECT '${description}', ${identity(catalog, `${alias}.oid`)}, ${signature}
  FROM ${catalog} ${alias} JOIN pg_namespace n ON n.oid = ${alias}.${namespace}
 WHERE ${userNamespace("n")} AND ${notExtensionMember(catalog, `${alias}.oid`)}`;
}

export const unsupportedQuery = `
SELECT 'window function' AS description, ${identity("pg_proc", "p.oid")} AS identity,
       pg_get_function_arguments(p.oid) || ' -> ' || pg_get_function_result(p.oid) || ' ' ||
       coalesce((SELECT a.aggtransfn::text || '/' || a.aggfinalfn::text || '/' || coalesce(a.agginitval, '')
                   FROM pg_aggregate a WHERE a.aggfnoid = p.oid), '') AS signature
  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
 WHERE p.prokind = 'w' AND ${userNamespace("n")} AND ${notExtensionMember("pg_proc", "p.oid")}
UNION ALL
SELECT CASE t.typtype WHEN 'r' THEN 'range type with a canonical function' ELSE 'base type' END,
       ${identity("pg_type", "t.oid")},
       coalesce((SELECT r.rngsubtype::regtype::text || ' ' || r.rngcanonical::text FROM pg_range r
                  WHERE r.rngtypid = t.oid), t.typinput::text)
  FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
 WHERE (t.typtype = 'b' OR (t.typtype = 'r' AND EXISTS (SELECT 1 FROM pg_range r WHERE r.rngtypid = t.oid
                                                          AND r.rngcanonical <> 0)))
   AND ${userNamespace("n")} AND ${notExtensionMember("pg_type", "t.oid")}
   AND NOT EXISTS (SELECT 1 FROM pg_type e WHERE e.typarray = t.oid)
UNION ALL
SELECT 'foreign table', ${relationIdentity("n", "c")}, coalesce(array_to_string(c.reloptions, ','), '')
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE c.relkind = 'f' AND ${userNamespace("n")} AND ${notExtensionMember("pg_class", "c.oid")}
UNION ALL
SELECT 'operator', ${identity("pg_operator", "o.oid")}, o.oprcode::text
  FROM pg_operator o JOIN pg_namespace n ON n.oid = o.oprnamespace
 WHERE ${userNamespace("n")} AND ${notExtensionMember("pg_operator", "o.oid")}
UNION ALL
-- Owners are left out: role oids differ between servers, and ownership is not migrated for any kind.
SELECT 'publication', quote_ident(p.pubname),
       (to_jsonb(p) - 'oid' - 'pubowner')::text || coalesce((SELECT string_agg(quote_ident(t.schemaname) || '.' ||
         quote_ident(t.tablename), ',' ORDER BY t.schemaname, t.tablename) FROM pg_publication_tables t
         WHERE t.pubname = p.pubname), '')
  FROM pg_publication p
UNION ALL
-- The connection string is left out: it may hold a password.
SELECT 'subscription', quote_ident(s.subname), array_to_string(s.subpublications, ',') || ' ' || s.subenabled::text
  FROM pg_subscription s JOIN pg_database db ON db.oid = s.subdbid WHERE db.datname = current_database()
UNION ALL
SELECT 'foreign-data wrapper', quote_ident(w.fdwname),
       w.fdwhandler::regproc::text || ' ' || w.fdwvalidator::regproc::text || ' ' || coalesce(array_to_string(w.fdwoptions, ','), '')
  FROM pg_foreign_data_wrapper w WHERE ${notExtensionMember("pg_foreign_data_wrapper", "w.oid")}
UNION ALL
SELECT 'foreign server', quote_ident(f.srvname),
       coalesce(f.srvtype, '') || ' ' || coalesce(f.srvversion, '') || ' ' || coalesce(array_to_string(f.srvoptions, ','), '')
  FROM pg_foreign_server f WHERE ${notExtensionMember("pg_foreign_server", "f.oid")}
UNION ALL
${inUserSchema("text search parser", "pg_ts_parser", "p", "prsnamespace", "p.prsstart::text")}
UNION ALL
${inUserSchema("text search template", "pg_ts_template", "t", "tmplnamespace", "t.tmpllexize::text")}
UNION ALL
SELECT 'access method', quote_ident(a.amname), a.amtype::text || ' ' || a.amhandler::text
  FROM pg_am a WHERE a.oid >= 16384 AND ${notExtensionMember("pg_am", "a.oid")}
UNION ALL
${inUserSchema("operator class", "pg_opclass", "o", "opcnamespace", "o.opcintype::regtype::text || ' ' || o.opcdefault::text")}
UNION ALL
${inUserSchema("operator family", "pg_opfamily", "o", "opfnamespace", "o.opfmethod::text")}
UNION ALL
${inUserSchema("conversion", "pg_conversion", "c", "connamespace", "c.conproc::text")}`;

interface UnsupportedRow {
  description: string;
  identity: string;
  signature: string;
}

export function toUnsupported(row: UnsupportedRow): UnsupportedObj {
  return {
    kind: "unsupported",
    id: `unsupported:${row.description}:${row.identity}`,
    sqlName: row.identity,
    description: row.description,
    signature: row.signature,
    comment: null,
    dependsOn: [],
  };
}
