import type { ViewObj } from "../../catalog/model.js";
import { quoteIdent } from "../../db/quote.js";
import { type Generator, type Statement, stmt } from "../change.js";
import { commentChange, commentOnCreate, NO_PRIVILEGES, privilegeChange } from "./common.js";
import { optionChanges } from "./tables.js";

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

export const viewSql: Generator<ViewObj> = {
  create: (v) => {
    const options = v.options.length ? ` WITH (${v.options.join(", ")})` : "";
    const data = v.kind === "materialized view" ? (v.populated ? " WITH DATA" : " WITH NO DATA") : "";
    return [
      stmt(`CREATE ${keyword(v)} ${v.sqlName}${options} AS\n${v.definition}${data}`),
      ...commentOnCreate(`${keyword(v)} ${v.sqlName}`, v.comment),
      ...columnComments(v),
      ...privilegeChange(`TABLE ${v.sqlName}`, NO_PRIVILEGES, v.grants),
    ];
  },
  drop: (v) => [stmt(`DROP ${keyword(v)} ${v.sqlName}`)],
  alter: (from, to) => {
    if (from.definition !== to.definition) return "recreate";
    const out: Statement[] = optionChanges(`ALTER ${keyword(to)} ${to.sqlName}`, from.options, to.options);
    if (to.kind === "materialized view" && from.populated !== to.populated) {
      out.push(stmt(`REFRESH MATERIALIZED VIEW ${to.sqlName}${to.populated ? "" : " WITH NO DATA"}`));
    }
    out.push(...commentChange(`${keyword(to)} ${to.sqlName}`, from.comment, to.comment));
    out.push(...columnComments(to, from.columnComments));
    out.push(...privilegeChange(`TABLE ${to.sqlName}`, from.grants, to.grants));
    return out;
  },
};
