import type { StatisticsObj } from "../model.js";
import { description, identity, notExtensionMember, relationIdentity, userNamespace } from "../sql.js";

/**
 * Extended statistics objects (CREATE STATISTICS). The definition is the server's own CREATE statement;
 * the statistics target is apart because ALTER STATISTICS sets it. PostgreSQL 17 made the target
 * nullable where older servers keep -1 for the default, and both read here as null.
 */
export const statisticsQuery = `
SELECT ${relationIdentity("n", "c")} AS table_identity, ${identity("pg_statistic_ext", "s.oid")} AS identity,
       s.stxname AS name, pg_get_statisticsobjdef(s.oid) AS definition,
       CASE WHEN s.stxstattarget >= 0 THEN s.stxstattarget::int END AS target,
       ${description("pg_statistic_ext", "s.oid")} AS comment
  FROM pg_statistic_ext s JOIN pg_namespace sn ON sn.oid = s.stxnamespace
  JOIN pg_class c ON c.oid = s.stxrelid JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE ${userNamespace("sn")} AND ${notExtensionMember("pg_statistic_ext", "s.oid")}`;

interface StatisticsRow {
  table_identity: string;
  identity: string;
  name: string;
  definition: string;
  target: number | null;
  comment: string | null;
}

export function toStatistics(row: StatisticsRow): StatisticsObj {
  return {
    kind: "statistics",
    id: `statistics:${row.identity}`,
    sqlName: row.identity,
    table: `rel:${row.table_identity}`,
    tableSql: row.table_identity,
    name: row.name,
    definition: row.definition,
    target: row.target,
    comment: row.comment,
    dependsOn: [],
  };
}
