import type { CastObj } from "../model.js";
import { description, identity, notExtensionMember, notInternalPart } from "../sql.js";

// The casts initdb makes have oids below 16384; those a range or an extension makes belong to it.
export const castsQuery = `
SELECT ${identity("pg_cast", "c.oid")} AS signature,
       CASE WHEN c.castmethod = 'f' THEN c.castfunc::regprocedure::text END AS function,
       c.castmethod::text AS method, c.castcontext::text AS context, ${description("pg_cast", "c.oid")} AS comment
  FROM pg_cast c
 WHERE c.oid >= 16384 AND ${notExtensionMember("pg_cast", "c.oid")} AND ${notInternalPart("pg_cast", "c.oid")}`;

interface CastRow {
  signature: string;
  function: string | null;
  method: CastObj["method"];
  context: CastObj["context"];
  comment: string | null;
}

export function toCast(row: CastRow): CastObj {
  return {
    kind: "cast",
    id: `cast:${row.signature}`,
    sqlName: row.signature,
    signature: row.signature,
    function: row.function,
    method: row.method,
    context: row.context,
    comment: row.comment,
    dependsOn: [],
  };
}
