import type { ColumnDef, TypeName } from "libpg-query";
import { hasConstraint, locationOf, writtenType } from "../nodes.js";
import type { RuleContext } from "./context.js";

const SMALL_SERIALS = new Set(["serial", "serial4", "smallserial", "serial2"]);
const SERIALS = new Set([...SMALL_SERIALS, "bigserial", "serial8"]);
const SMALL_INTEGERS = new Set(["int4", "int2"]);

export function isSerial(type: TypeName | undefined): boolean {
  if (!type) return false;
  const written = writtenType(type);
  return written.schema === undefined && !written.array && SERIALS.has(written.name);
}

/** Type choices that are cheap now and expensive to change later (MM501–MM506). */
export function checkColumnType(column: ColumnDef, ctx: RuleContext, options: { primaryKey: boolean }): void {
  if (!column.typeName) return;
  const written = writtenType(column.typeName);
  const name = column.colname ?? "?";
  const at = { location: locationOf(column.typeName) ?? locationOf(column) };
  const serial = isSerial(column.typeName);
  const identity = hasConstraint(column, "CONSTR_IDENTITY");
  if (serial && SMALL_SERIALS.has(written.name)) {
    ctx.report("MM501", `column ${name} is ${written.name}: its sequence is 32-bit or smaller`, at);
  } else if (
    written.builtin &&
    !written.array &&
    SMALL_INTEGERS.has(written.name) &&
    (options.primaryKey || identity)
  ) {
    ctx.report(
      "MM501",
      `${options.primaryKey ? "primary key" : "identity"} column ${name} is ${written.name}`,
      at,
    );
  }
  if (serial) ctx.report("MM502", `column ${name} is ${written.name}`, at);
  checkTypeName(column.typeName, `column ${name}`, ctx);
}

/** Checks that apply wherever a column type is written, including ALTER COLUMN … TYPE. */
export function checkTypeName(type: TypeName, what: string, ctx: RuleContext): void {
  const written = writtenType(type);
  if (!written.builtin) return;
  const at = { location: locationOf(type) };
  if (written.name === "varchar" && written.typmods.length > 0) {
    ctx.report("MM503", `${what} is varchar(${written.typmods[0]})`, at);
  } else if (written.name === "bpchar") {
    ctx.report("MM504", `${what} is char(${written.typmods[0] ?? 1})`, at);
  } else if (written.name === "timestamp") {
    ctx.report("MM505", `${what} is timestamp without time zone`, at);
  } else if (written.name === "json") {
    ctx.report("MM506", `${what} is json`, at);
  }
}
