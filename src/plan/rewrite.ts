import type { SchemaModel } from "../catalog/model.js";

const TYPMOD = /^(.*?)\((\d+)(?:,\s*(\d+))?\)(\[\])?$/;

function split(type: string): { base: string; args: number[]; array: boolean } {
  const m = TYPMOD.exec(type);
  if (!m) return { base: type.replace(/\[\]$/, ""), args: [], array: type.endsWith("[]") };
  return {
    base: `${m[1]}${m[4] ?? ""}`.replace(/\[\]$/, ""),
    args: [Number(m[2]), ...(m[3] ? [Number(m[3])] : [])],
    array: Boolean(m[4]),
  };
}

/**
 * Whether ALTER COLUMN … TYPE from `from` to `to` rewrites the table. No rewrite when the cast is binary
 * coercible per pg_cast (varchar → text, …) and any length limit only grows or goes away; everything else,
 * including int → bigint, rewrites every row under ACCESS EXCLUSIVE.
 */
export function typeChangeRewrites(from: string, to: string, model: SchemaModel): boolean {
  if (from === to) return false;
  const a = split(from);
  const b = split(to);
  if (a.array !== b.array) return true;
  const sameBase = a.base === b.base;
  if (!sameBase && !model.binaryCoercible.includes(`${a.base}=>${b.base}`)) return true;
  if (b.args.length === 0) return false;
  if (a.args.length === 0) return !sameBase || b.args.length > 0;
  if (a.base === "numeric" && b.base === "numeric") {
    // numeric(p, s) → numeric(p', s) with p' ≥ p keeps every value's representation.
    return (b.args[1] ?? 0) !== (a.args[1] ?? 0) || b.args[0]! < a.args[0]!;
  }
  return b.args[0]! < a.args[0]!;
}
