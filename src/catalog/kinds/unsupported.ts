import type { UnsupportedObj } from "../model.js";
import { identity, notExtensionMember, relationIdentity, userNamespace } from "../sql.js";

/**
 * Objects the engine cannot migrate yet. They are read with a signature of their definition so that an
 * identical object on both sides passes, while any difference is refused by name instead of skipped.
 */
export const unsupportedQuery = `
SELECT 'aggregate or window function' AS description, ${identity("pg_proc", "p.oid")} AS identity,
       pg_get_function_arguments(p.oid) || ' -> ' || pg_get_function_result(p.oid) || ' ' ||
       coalesce((SELECT a.aggtransfn::text || '/' || a.aggfinalfn::text || '/' || coalesce(a.agginitval, '')
                   FROM pg_aggregate a WHERE a.aggfnoid = p.oid), '') AS signature
  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
 WHERE p.prokind IN ('a', 'w') AND ${userNamespace("n")} AND ${notExtensionMember("pg_proc", "p.oid")}
UNION ALL
SELECT CASE t.typtype WHEN 'r' THEN 'range type' ELSE 'base type' END, ${identity("pg_type", "t.oid")},
       coalesce((SELECT r.rngsubtype::regtype::text FROM pg_range r WHERE r.rngtypid = t.oid), t.typinput::text)
  FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
 WHERE t.typtype IN ('r', 'b') AND ${userNamespace("n")} AND ${notExtensionMember("pg_type", "t.oid")}
   AND NOT EXISTS (SELECT 1 FROM pg_type e WHERE e.typarray = t.oid)
UNION ALL
SELECT 'foreign table', ${relationIdentity("n", "c")}, coalesce(array_to_string(c.reloptions, ','), '')
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE c.relkind = 'f' AND ${userNamespace("n")} AND ${notExtensionMember("pg_class", "c.oid")}
UNION ALL
SELECT 'rule', ${identity("pg_rewrite", "r.oid")}, pg_get_ruledef(r.oid)
  FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE r.rulename <> '_RETURN' AND ${userNamespace("n")} AND ${notExtensionMember("pg_class", "c.oid")}
UNION ALL
SELECT 'operator', ${identity("pg_operator", "o.oid")}, o.oprcode::text
  FROM pg_operator o JOIN pg_namespace n ON n.oid = o.oprnamespace
 WHERE ${userNamespace("n")} AND ${notExtensionMember("pg_operator", "o.oid")}
UNION ALL
SELECT 'statistics object', ${identity("pg_statistic_ext", "s.oid")}, pg_get_statisticsobjdef(s.oid)
  FROM pg_statistic_ext s JOIN pg_namespace n ON n.oid = s.stxnamespace
 WHERE ${userNamespace("n")}
UNION ALL
SELECT 'text search configuration', ${identity("pg_ts_config", "c.oid")}, c.cfgparser::text
  FROM pg_ts_config c JOIN pg_namespace n ON n.oid = c.cfgnamespace
 WHERE ${userNamespace("n")} AND ${notExtensionMember("pg_ts_config", "c.oid")}
UNION ALL
SELECT 'event trigger', ${identity("pg_event_trigger", "e.oid")}, e.evtevent || ' ' || e.evtfoid::text
  FROM pg_event_trigger e WHERE ${notExtensionMember("pg_event_trigger", "e.oid")}`;

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
