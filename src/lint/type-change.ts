import type { WrittenType } from "./nodes.js";

/**
 * Whether ALTER COLUMN … TYPE rewrites the table. PostgreSQL skips the rewrite (and the index rebuilds) when
 * the old type is binary-coercible to the new one (pg_cast.castmethod = 'b', e.g. varchar → text) and no
 * length or precision check is needed, or when only a limit grows (varchar(10) → varchar(20),
 * numeric(10,2) → numeric(12,2), timestamp(0) → timestamp(3)): those types' length coercions are dropped
 * by the planner support functions (varchar_support, numeric_support, timestamp_support …).
 */

// Built-in type OIDs are fixed in pg_type.dat and identical on every server.
const VARCHAR = 1043;
const BPCHAR = 1042;
const NUMERIC = 1700;
const BIT = 1560;
const VARBIT = 1562;
const TIME_TYPES = new Set([
  1083 /* time */, 1266 /* timetz */, 1114 /* timestamp */, 1184 /* timestamptz */,
]);
const VARHDRSZ = 4;
const DEFAULT_TIME_PRECISION = 6;

export interface ColumnType {
  oid: number;
  typmod: number;
}

export type TypeChangeCost = "metadata-only" | "rewrite";

/**
 * The typmod PostgreSQL stores for a written type (varchar(20) → 24), or undefined when we cannot compute it
 * (then the change is treated as a rewrite).
 */
export function typmodOf(oid: number, written: WrittenType): number | undefined {
  const [first, second] = written.typmods;
  if (first === undefined) return -1;
  if (oid === VARCHAR || oid === BPCHAR) return first + VARHDRSZ;
  if (oid === NUMERIC) return ((first << 16) | (second ?? 0)) + VARHDRSZ;
  if (oid === BIT || oid === VARBIT || TIME_TYPES.has(oid)) return first;
  return undefined;
}

export function typeChangeCost(
  from: ColumnType,
  to: ColumnType,
  binaryCoercible: (source: number, target: number) => boolean,
): TypeChangeCost {
  if (from.oid === to.oid) return sameTypeCost(from.oid, from.typmod, to.typmod);
  return binaryCoercible(from.oid, to.oid) && to.typmod === -1 ? "metadata-only" : "rewrite";
}

function sameTypeCost(oid: number, from: number, to: number): TypeChangeCost {
  if (from === to) return "metadata-only";
  if (oid === VARCHAR || oid === VARBIT)
    return to === -1 || (from !== -1 && to > from) ? "metadata-only" : "rewrite";
  if (oid === NUMERIC) {
    if (to === -1) return "metadata-only";
    if (from === -1) return "rewrite";
    const [fromPrecision, fromScale] = numericPrecisionScale(from);
    const [toPrecision, toScale] = numericPrecisionScale(to);
    return toScale === fromScale && toPrecision >= fromPrecision ? "metadata-only" : "rewrite";
  }
  if (TIME_TYPES.has(oid)) {
    const effective = (typmod: number) => (typmod === -1 ? DEFAULT_TIME_PRECISION : typmod);
    return effective(to) >= effective(from) ? "metadata-only" : "rewrite";
  }
  return "rewrite";
}

function numericPrecisionScale(typmod: number): [number, number] {
  const packed = typmod - VARHDRSZ;
  return [(packed >> 16) & 0xffff, packed & 0xffff];
}

/**
 * Without a database we do not know the old type. Conservative rule: every change rewrites, except that a
 * change to text or unbounded varchar is only "possibly" a rewrite (it is free from varchar or text).
 */
export function mayBeFreeWithoutCatalog(target: WrittenType): boolean {
  return (
    target.builtin &&
    !target.array &&
    (target.name === "text" || (target.name === "varchar" && target.typmods.length === 0))
  );
}
