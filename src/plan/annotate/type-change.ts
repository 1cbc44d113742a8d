import { typeChangeCost, typmodOf } from "../../lint/type-change.js";

/**
 * Whether ALTER COLUMN … TYPE rewrites the table, decided from the column's type in the source and target
 * models (format_type() text) and pg_cast's binary-coercible pairs. The limit rules (a longer varchar, a
 * wider numeric, a finer timestamp are free) are the linter's; this file only maps model text onto them.
 */

// Built-in types whose limit can grow without a rewrite, by format_type() name; OIDs are fixed in pg_type.dat.
const LIMITED_TYPES: Record<string, number> = {
  "character varying": 1043,
  character: 1042,
  numeric: 1700,
  bit: 1560,
  "bit varying": 1562,
  "time without time zone": 1083,
  "time with time zone": 1266,
  "timestamp without time zone": 1114,
  "timestamp with time zone": 1184,
};

interface ModelType {
  /** format_type(oid, NULL): the name pg_cast pairs are recorded under. */
  base: string;
  modifiers: number[];
}

/**
 * Splits format_type() output into the base type and its modifiers: "numeric(12,2)" → numeric [12, 2],
 * "timestamp(3) without time zone" → "timestamp without time zone" [3]. This is PostgreSQL's own rendering
 * of a catalog fact, not SQL someone wrote. Only built-in names (unqualified and unquoted under the empty
 * search_path introspection uses) carry modifiers; a user type is compared as a whole.
 */
function modelType(type: string): ModelType {
  if (type.includes('"') || type.includes(".")) return { base: type, modifiers: [] };
  const match = /\((\d+)(?:,(\d+))?\)/.exec(type);
  if (!match) return { base: type, modifiers: [] };
  const modifiers = match.slice(1).flatMap((value) => (value === undefined ? [] : [Number(value)]));
  return { base: type.replace(match[0], ""), modifiers };
}

export function typeChangeRewrites(from: string, to: string, binaryCoercible: ReadonlySet<string>): boolean {
  if (from === to) return false;
  const source = modelType(from);
  const target = modelType(to);
  if (source.base !== target.base) {
    return !(binaryCoercible.has(`${source.base}=>${target.base}`) && target.modifiers.length === 0);
  }
  const oid = LIMITED_TYPES[source.base];
  if (oid === undefined) return true;
  const typmod = (type: ModelType) =>
    typmodOf(oid, { name: type.base, builtin: true, typmods: type.modifiers, array: false });
  const sourceTypmod = typmod(source);
  const targetTypmod = typmod(target);
  if (sourceTypmod === undefined || targetTypmod === undefined) return true;
  return (
    typeChangeCost({ oid, typmod: sourceTypmod }, { oid, typmod: targetTypmod }, () => false) === "rewrite"
  );
}
