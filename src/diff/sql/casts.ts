import type { CastObj } from "../../catalog/model.js";
import { type Generator, stmt } from "../change.js";
import { commentChange, commentOnCreate } from "./common.js";

const METHOD: Record<CastObj["method"], (c: CastObj) => string> = {
  f: (c) => `WITH FUNCTION ${c.function}`,
  b: () => "WITHOUT FUNCTION",
  i: () => "WITH INOUT",
};
const CONTEXT: Record<CastObj["context"], string> = { e: "", a: " AS ASSIGNMENT", i: " AS IMPLICIT" };

/** PostgreSQL has no ALTER CAST: a cast that changes is dropped and created again. */
export const castSql: Generator<CastObj> = {
  create: (c) => [
    stmt(`CREATE CAST ${c.signature} ${METHOD[c.method](c)}${CONTEXT[c.context]}`),
    ...commentOnCreate(`CAST ${c.signature}`, c.comment),
  ],
  drop: (c) => [stmt(`DROP CAST ${c.signature}`)],
  alter: (from, to) =>
    from.function !== to.function || from.method !== to.method || from.context !== to.context
      ? "recreate"
      : commentChange(`CAST ${to.signature}`, from.comment, to.comment),
};
