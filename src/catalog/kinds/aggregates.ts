import type { AggregateObj, Privileges } from "../model.js";
import { description, grants, identity, notExtensionMember, userNamespace } from "../sql.js";

const fn = (oid: string) => `${oid}::regproc::text`;
const modify = (flag: string) =>
  `CASE ${flag} WHEN 'r' THEN 'READ_ONLY' WHEN 's' THEN 'SHAREABLE' ELSE 'READ_WRITE' END`;
const option = (when: string, text: string) => `CASE WHEN ${when} THEN ${text} END`;

/**
 * User aggregates, as the CREATE AGGREGATE statement their pg_aggregate row describes (PostgreSQL has no
 * function that prints one). Function names print schema-qualified under the empty search_path, and the
 * server finds each by the aggregate's types. Window functions, which only C can write, stay unsupported.
 */
export const aggregatesQuery = `
SELECT n.nspname AS schema, p.proname AS name, ${identity("pg_proc", "p.oid")} AS identity,
       'CREATE AGGREGATE ' || quote_ident(n.nspname) || '.' || quote_ident(p.proname) || '('
         || CASE WHEN p.pronargs = 0 THEN '*' ELSE pg_get_function_arguments(p.oid) END || ') ('
         || concat_ws(', ',
              'SFUNC = ' || ${fn("a.aggtransfn")}, 'STYPE = ' || format_type(a.aggtranstype, NULL),
              ${option("a.aggtransspace <> 0", "'SSPACE = ' || a.aggtransspace")},
              ${option("a.aggfinalfn <> 0", `'FINALFUNC = ' || ${fn("a.aggfinalfn")}`)},
              ${option("a.aggfinalextra", "'FINALFUNC_EXTRA'")},
              ${option("a.aggfinalfn <> 0", `'FINALFUNC_MODIFY = ' || ${modify("a.aggfinalmodify")}`)},
              ${option("a.aggcombinefn <> 0", `'COMBINEFUNC = ' || ${fn("a.aggcombinefn")}`)},
              ${option("a.aggserialfn <> 0", `'SERIALFUNC = ' || ${fn("a.aggserialfn")}`)},
              ${option("a.aggdeserialfn <> 0", `'DESERIALFUNC = ' || ${fn("a.aggdeserialfn")}`)},
              ${option("a.agginitval IS NOT NULL", "'INITCOND = ' || quote_literal(a.agginitval)")},
              ${option("a.aggmtransfn <> 0", `'MSFUNC = ' || ${fn("a.aggmtransfn")}`)},
              ${option("a.aggminvtransfn <> 0", `'MINVFUNC = ' || ${fn("a.aggminvtransfn")}`)},
              ${option("a.aggmtranstype <> 0", "'MSTYPE = ' || format_type(a.aggmtranstype, NULL)")},
              ${option("a.aggmtransspace <> 0", "'MSSPACE = ' || a.aggmtransspace")},
              ${option("a.aggmfinalfn <> 0", `'MFINALFUNC = ' || ${fn("a.aggmfinalfn")}`)},
              ${option("a.aggmfinalextra", "'MFINALFUNC_EXTRA'")},
              ${option("a.aggmfinalfn <> 0", `'MFINALFUNC_MODIFY = ' || ${modify("a.aggmfinalmodify")}`)},
              ${option("a.aggminitval IS NOT NULL", "'MINITCOND = ' || quote_literal(a.aggminitval)")},
              ${option("a.aggsortop <> 0", "'SORTOP = OPERATOR(' || a.aggsortop::regoper::text || ')'")},
              CASE p.proparallel WHEN 's' THEN 'PARALLEL = SAFE' WHEN 'r' THEN 'PARALLEL = RESTRICTED' END,
              ${option("a.aggkind = 'h'", "'HYPOTHETICAL'")})
         || ')' AS definition,
       ${description("pg_proc", "p.oid")} AS comment, ${grants("p.proacl", "f", "p.proowner")} AS grants
  FROM pg_proc p JOIN pg_aggregate a ON a.aggfnoid = p.oid JOIN pg_namespace n ON n.oid = p.pronamespace
 WHERE p.prokind = 'a' AND ${userNamespace("n")} AND ${notExtensionMember("pg_proc", "p.oid")}`;

interface AggregateRow {
  schema: string;
  name: string;
  identity: string;
  definition: string;
  comment: string | null;
  grants: Privileges;
}

export function toAggregate(row: AggregateRow): AggregateObj {
  return {
    kind: "aggregate",
    id: `function:${row.identity}`,
    sqlName: row.identity,
    schema: row.schema,
    name: row.name,
    definition: row.definition,
    comment: row.comment,
    grants: row.grants,
    dependsOn: [],
  };
}
