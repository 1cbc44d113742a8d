import type { ColumnObj, SequenceObj } from "../../catalog/model.js";
import { quoteIdent, quoteLiteral } from "../../db/quote.js";
import { type Generator, type Statement, stmt } from "../change.js";
import { commentChange, commentOnCreate, NO_PRIVILEGES, privilegeChange, valueIntoBounds } from "./common.js";
import { droppedSequenceName, moveIdentityAside } from "./identity.js";

function options(s: SequenceObj): string {
  return (
    `AS ${s.dataType} INCREMENT BY ${s.increment} MINVALUE ${s.min} MAXVALUE ${s.max} ` +
    `START WITH ${s.start} CACHE ${s.cache} ${s.cycle ? "CYCLE" : "NO CYCLE"}`
  );
}

/**
 * A sequence new to a column that already holds values (a serial made identity, or back) starts at its
 * START: it is moved past the column's values (the smallest, for one that counts down), never back, so the
 * next row does not take an id a row has.
 */
export function sequencePastValues(sequence: string, column: ColumnObj, increment: string): Statement {
  const down = increment.startsWith("-");
  const [extreme, beyond] = down ? ["min", "<="] : ["max", ">="];
  return stmt(
    `SELECT pg_catalog.setval(${quoteLiteral(sequence)}, v.m) FROM (SELECT ${extreme}(${quoteIdent(column.name)}) AS m FROM ${column.tableSql}) v, ${sequence} q WHERE v.m ${beyond} q.last_value`,
  );
}

/** OWNED BY is a separate step (see diff.ts): the owning column usually needs the sequence first. */
export function sequenceOwnership(s: SequenceObj): Statement {
  return stmt(`ALTER SEQUENCE ${s.sqlName} OWNED BY ${s.ownedBySql ?? "NONE"}`);
}

export const sequenceSql: Generator<SequenceObj> = {
  create: (s, ctx) => [
    ...moveIdentityAside(s, ctx),
    stmt(`CREATE ${s.unlogged ? "UNLOGGED " : ""}SEQUENCE ${s.sqlName} ${options(s)}`),
    ...commentOnCreate(`SEQUENCE ${s.sqlName}`, s.comment),
    ...privilegeChange(`SEQUENCE ${s.sqlName}`, NO_PRIVILEGES, s.grants),
  ],
  drop: (s, ctx) => [stmt(`DROP SEQUENCE ${droppedSequenceName(s, ctx)}`)],
  alter: (from, to) => {
    const out: Statement[] = [];
    if (options(from) !== options(to)) {
      out.push(...valueIntoBounds(to.sqlName, from, to));
      out.push(stmt(`ALTER SEQUENCE ${to.sqlName} ${options(to)}`));
    }
    if (from.unlogged !== to.unlogged) {
      out.push(stmt(`ALTER SEQUENCE ${to.sqlName} SET ${to.unlogged ? "UNLOGGED" : "LOGGED"}`));
    }
    // Giving up ownership happens here, before the old owner column may be dropped (which would take the
    // sequence with it); taking a new owner happens in the ownership step.
    if (from.ownedBy && !to.ownedBy) out.push(sequenceOwnership(to));
    out.push(...commentChange(`SEQUENCE ${to.sqlName}`, from.comment, to.comment));
    out.push(...privilegeChange(`SEQUENCE ${to.sqlName}`, from.grants, to.grants));
    return out;
  },
};
