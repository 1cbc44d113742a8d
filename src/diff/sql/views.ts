import type { ViewObj } from "../../catalog/model.js";
import { quoteIdent } from "../../db/quote.js";
import { type Generator, type Statement, stmt } from "../change.js";
import {
  columnGrantsAfterTableRevoke,
  commentChange,
  commentOnCreate,
  NO_PRIVILEGES,
  optionChanges,
  privilegeChange,
} from "./common.js";

const keyword = (v: ViewObj) => (v.kind === "view" ? "VIEW" : "MATERIALIZED VIEW");

function columnComments(v: ViewObj, from: Record<string, string> = {}): Statement[] {
  const names = [...new Set([...Object.keys(from), ...Object.keys(v.columnComments)])].sort();
  return names.flatMap((name) =>
    commentChange(
      `COLUMN ${v.sqlName}.${quoteIdent(name)}`,
      from[name] ?? null,
      v.columnComments[name] ?? null,
    ),
  );
}

function columnDefaults(v: ViewObj, from: Record<string, string> = {}): Statement[] {
  const names = [...new Set([...Object.keys(from), ...Object.keys(v.columnDefaults)])].sort();
  return names.flatMap((name) => {
    const value = v.columnDefaults[name];
    if (from[name] === value) return [];
    const column = `ALTER VIEW ${v.sqlName} ALTER COLUMN ${quoteIdent(name)}`;
    return [stmt(value === undefined ? `${column} DROP DEFAULT` : `${column} SET DEFAULT ${value}`)];
  });
}

/** Column GRANTs and REVOKEs, after the view's own (whose REVOKEs also take the columns' privileges). */
function columnGrants(v: ViewObj, from: ViewObj | null): Statement[] {
  const before = from?.columnGrants ?? {};
  const names = [...new Set([...Object.keys(before), ...Object.keys(v.columnGrants)])].sort();
  const none = NO_PRIVILEGES;
  return [
    ...names.flatMap((name) =>
      privilegeChange(
        `TABLE ${v.sqlName}`,
        before[name] ?? none,
        v.columnGrants[name] ?? none,
        ` (${quoteIdent(name)})`,
      ),
    ),
    ...columnGrantsAfterTableRevoke(
      `TABLE ${v.sqlName}`,
      from?.grants ?? none,
      v.grants,
      Object.entries(v.columnGrants).map(([name, grants]) => ({ name, grants })),
    ),
  ];
}

// pg_get_viewdef of a view defined as a bare VALUES list whose columns were renamed:
//   SELECT "*VALUES*".column1 AS n, … FROM (VALUES …) "*VALUES*" [ORDER BY … / LIMIT …]
// PostgreSQL 16 and later leave out the "*VALUES*". qualifier. An alias is bare or double-quoted.
const VALUES_VIEW =
  /^SELECT\s+(.*?)\s+FROM \(VALUES (.*)\) "\*VALUES\*"((?:\s+(?:ORDER BY|LIMIT|OFFSET|FETCH)\s.*)?)$/s;
const VALUES_ITEM = /(?:^|,\s+)(?:"\*VALUES\*"\.)?column(\d+)(?: AS ([a-z_][a-z0-9_$]*|"(?:[^"]|"")*"))?/gy;

/**
 * The column list and query to create a view from, such that PostgreSQL deparses them back to
 * `v.definition`. Definitions are their own fixed point except one: a view created as `VALUES …` with a
 * column list deparses as a SELECT over "(VALUES …)", and a view created from that text holds the list as
 * a subquery, which deparses as "( VALUES" (a different definition to pg_get_viewdef and pg_dump). Such a
 * definition is turned back into the column list and the bare VALUES it came from; ORDER BY and LIMIT
 * name the VALUES columns, which a bare VALUES accepts as well.
 */
export function creatableDefinition(v: ViewObj): { columns: string; query: string } {
  const asIs = { columns: "", query: v.definition };
  if (!v.definition.includes('"*VALUES*"')) return asIs;
  const match = VALUES_VIEW.exec(v.definition);
  if (!match) return asIs;
  const [, items = "", body = "", tail = ""] = match;
  const names: string[] = [];
  let end = 0;
  for (const item of items.matchAll(VALUES_ITEM)) {
    if (Number(item[1]) !== names.length + 1) return asIs;
    // Aliases come deparsed, quoted where they need to be.
    names.push(item[2] ?? `column${names.length + 1}`);
    end = item.index + item[0].length;
  }
  if (names.length === 0 || end !== items.length) return asIs;
  return { columns: ` (${names.join(", ")})`, query: `VALUES ${body}${tail}` };
}

export const viewSql: Generator<ViewObj> = {
  create: (v) => {
    const options = v.options.length ? ` WITH (${v.options.join(", ")})` : "";
    const data = v.kind === "materialized view" ? (v.populated ? " WITH DATA" : " WITH NO DATA") : "";
    const { columns, query } = creatableDefinition(v);
    return [
      stmt(`CREATE ${keyword(v)} ${v.sqlName}${columns}${options} AS\n${query}${data}`),
      ...columnDefaults(v),
      ...commentOnCreate(`${keyword(v)} ${v.sqlName}`, v.comment),
      ...columnComments(v),
      ...privilegeChange(`TABLE ${v.sqlName}`, NO_PRIVILEGES, v.grants),
      ...columnGrants(v, null),
    ];
  },
  drop: (v) => [stmt(`DROP ${keyword(v)} ${v.sqlName}`)],
  alter: (from, to) => {
    if (from.definition !== to.definition) return "recreate";
    const out: Statement[] = optionChanges(`ALTER ${keyword(to)} ${to.sqlName}`, from.options, to.options);
    if (to.kind === "materialized view" && from.populated !== to.populated) {
      out.push(stmt(`REFRESH MATERIALIZED VIEW ${to.sqlName}${to.populated ? "" : " WITH NO DATA"}`));
    }
    out.push(...columnDefaults(to, from.columnDefaults));
    out.push(...commentChange(`${keyword(to)} ${to.sqlName}`, from.comment, to.comment));
    out.push(...columnComments(to, from.columnComments));
    out.push(...privilegeChange(`TABLE ${to.sqlName}`, from.grants, to.grants));
    out.push(...columnGrants(to, from));
    return out;
  },
};
