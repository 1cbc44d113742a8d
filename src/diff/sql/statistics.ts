import type { StatisticsObj } from "../../catalog/model.js";
import { type Generator, type Statement, stmt } from "../change.js";
import { commentChange, commentOnCreate } from "./common.js";

const target = (s: StatisticsObj) => `STATISTICS ${s.sqlName}`;

function setTarget(s: StatisticsObj): Statement {
  return stmt(`ALTER ${target(s)} SET STATISTICS ${s.target ?? -1}`);
}

export const statisticsSql: Generator<StatisticsObj> = {
  create: (s) => [
    stmt(s.definition),
    ...(s.target === null ? [] : [setTarget(s)]),
    ...commentOnCreate(target(s), s.comment),
  ],
  drop: (s) => [stmt(`DROP ${target(s)}`)],
  // Kinds, columns and expressions cannot be altered: only drop and create change them.
  alter: (from, to) => {
    if (from.definition !== to.definition) return "recreate";
    return [
      ...(from.target !== to.target ? [setTarget(to)] : []),
      ...commentChange(target(to), from.comment, to.comment),
    ];
  },
};
