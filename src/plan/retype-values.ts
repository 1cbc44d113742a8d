import type { ColumnObj, SchemaModel } from "../catalog/model.js";
import { quoteIdent } from "../db/quote.js";
import type { Change, Statement } from "../diff/change.js";
import { stmt } from "../diff/change.js";
import { baseType, isRetyped, needsTextCast } from "../diff/sql/columns.js";
import { primaryKey } from "./keys.js";
import { keyedUpdate, keyedValues, TRASH_SCHEMA, trashName } from "./trash.js";

/**
 * A type change whose cast back may not give the original text (`'007'` → 7 → `'7'`, json's spacing and
 * duplicate keys, an upper-case uuid) keeps the old values by key in a step before the change; the
 * rollback puts them back after its own change, in the rows whose value has not changed since.
 */
export interface KeptValues {
  /** Qualified name of the trash table: the same for the forward and the rollback. */
  trash: string;
  key: string[];
}

// Changes whose cast back gives every value exactly: widening numbers, and text into unbounded text.
const EXACT_WIDENING: Record<string, readonly string[]> = {
  smallint: ["integer", "bigint", "numeric"],
  integer: ["bigint", "numeric"],
  bigint: ["numeric"],
  real: ["double precision"],
  text: ["character varying"],
  "character varying": ["text"],
};

/** Whether casting `original` to `changed`'s type and back can change a value's text. */
function mayNormalise(original: ColumnObj, changed: ColumnObj): boolean {
  if (original.type === changed.type) return false;
  const from = baseType(original.type);
  const to = baseType(changed.type);
  if (from === to) return typmodNarrows(from, original.type, changed.type);
  // The same type under another schema (an extension's SET SCHEMA) changes no value.
  if (unqualified(from) === unqualified(to)) return false;
  if (to === "character varying" && /\(\d+\)/.test(changed.type)) return true;
  return !(EXACT_WIDENING[from]?.includes(to) ?? false);
}

/** Within one base type: only a shorter length, or less precision or scale, can change a value. */
function typmodNarrows(base: string, before: string, after: string): boolean {
  const modifiers = (type: string) => /\((\d+)(?:,\s*(\d+))?\)/.exec(type);
  const a = modifiers(before);
  const b = modifiers(after);
  if (!b) return false;
  if (!a) return true;
  if (base === "numeric") {
    const [p1, s1, p2, s2] = [a[1], a[2] ?? "0", b[1], b[2] ?? "0"].map(Number) as [
      number,
      number,
      number,
      number,
    ];
    return s2 < s1 || p2 - s2 < p1 - s1;
  }
  if (base === "character varying" || base === "character") return Number(b[1]) < Number(a[1]);
  return true;
}

function unqualified(type: string): string {
  return type.replace(/^.*\./, "");
}

/**
 * Where the original values of a retyped column are kept: `original` is the column as the plan's source
 * has it, `changed` as its target has it. Null when the cast back is exact, or the table's key changes too.
 */
export function keptValues(
  original: ColumnObj,
  changed: ColumnObj,
  models: { source: SchemaModel; target: SchemaModel },
  scope: string,
): KeptValues | null {
  if (!isRetyped(original, changed) || !mayNormalise(original, changed)) return null;
  const key = primaryKey(models.source, original.table);
  if (!key || key.join(", ") !== primaryKey(models.target, changed.table)?.join(", ")) return null;
  if (key.includes(quoteIdent(original.name))) return null;
  return { trash: trashName(`${scope}\0retype`, original.id), key };
}

/**
 * The forward's step before the change. It takes no lock beyond its scan: a row written meanwhile keeps
 * its older copy, which the rollback then does not match, so it is never put back over a change.
 */
export function keepValuesStatements(kept: KeptValues, column: ColumnObj): Statement[] {
  return [
    stmt(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(TRASH_SCHEMA)}`),
    stmt(
      `CREATE TABLE IF NOT EXISTS ${kept.trash} AS ${keyedValues(column.tableSql, quoteIdent(column.name), kept.key)}`,
    ),
  ];
}

/**
 * Run after the rollback's change: a row gets its original value back when its value is still what the
 * forward made of that original, cast back (so a row changed since keeps its change).
 */
export function putBackStatements(
  kept: KeptValues,
  original: ColumnObj,
  changed: ColumnObj,
  models: { source: SchemaModel; target: SchemaModel },
): Statement[] {
  const name = quoteIdent(original.name);
  const table = original.tableSql;
  const cast = (
    value: string,
    from: ColumnObj,
    to: ColumnObj,
    fromModel: SchemaModel,
    toModel: SchemaModel,
  ) => `(${value})${needsTextCast(from, to, fromModel, toModel) ? "::text" : ""}::${to.type}`;
  const value = `x.value::${original.type}`;
  const roundTrip = cast(
    cast(value, original, changed, models.source, models.target),
    changed,
    original,
    models.target,
    models.source,
  );
  const unchanged = `${table}.${name}::text IS NOT DISTINCT FROM (${roundTrip})::text`;
  return [keyedUpdate(table, name, `::${original.type}`, kept.trash, kept.key, unchanged)];
}

/** The trash tables the forward's keep steps may write, for cleanup.sql (dropped IF EXISTS). */
export function keptValueTables(
  changes: Change[],
  models: { source: SchemaModel; target: SchemaModel },
  scope: string,
): string[] {
  return changes.flatMap((change) => {
    const original = models.source.objects[change.objectId];
    const changed = models.target.objects[change.objectId];
    if (change.action !== "alter" || original?.kind !== "column" || changed?.kind !== "column") return [];
    const kept = keptValues(original, changed, models, scope);
    return kept ? [kept.trash] : [];
  });
}
