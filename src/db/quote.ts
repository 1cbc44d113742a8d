/**
 * The one place identifiers and literals become SQL text. Everything that builds SQL from names or values
 * goes through these functions; nothing else interpolates user text.
 */

/** Quotes an identifier only when PostgreSQL would otherwise fold or reject it, so output stays readable. */
export function quoteIdent(name: string): string {
  if (/^[a-z_][a-z0-9_$]*$/.test(name) && !RESERVED.has(name)) return name;
  return `"${name.replaceAll('"', '""')}"`;
}

/** Always-quoted identifier, for places where readability matters less than certainty. */
export function quoteIdentStrict(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** `schema.name`, each part quoted as needed. */
export function qualify(schema: string, name: string): string {
  return `${quoteIdent(schema)}.${quoteIdent(name)}`;
}

/** A string literal; uses the E'' form only when backslashes are present. */
export function quoteLiteral(value: string): string {
  const body = value.replaceAll("'", "''");
  return value.includes("\\") ? `E'${body.replaceAll("\\", "\\\\")}'` : `'${body}'`;
}

export function quoteNullableLiteral(value: string | null): string {
  return value === null ? "NULL" : quoteLiteral(value);
}

// Keywords that cannot be used as bare column or table names (PostgreSQL's reserved and
// type-function-name categories). Quoting them is always safe; missing one would break a script.
const RESERVED = new Set(
  [
    "all analyse analyze and any array as asc asymmetric authorization between bigint binary bit boolean both case cast",
    "char character check coalesce collate collation column concurrently constraint create cross current_catalog",
    "current_date current_role current_schema current_time current_timestamp current_user dec decimal default",
    "deferrable desc distinct do else end except exists extract false fetch float for foreign freeze from full grant",
    "greatest group grouping having ilike in initially inner inout int integer intersect interval into is isnull join",
    "json json_array json_arrayagg json_exists json_object json_objectagg json_query json_scalar json_serialize",
    "json_table json_value lateral leading least left like limit localtime localtimestamp merge_action national natural",
    "nchar none normalize not notnull null nullif numeric offset on only or order out outer overlaps overlay placing",
    "position precision primary real references returning right row select session_user setof similar smallint some",
    "substring symmetric system_user table tablesample then time timestamp to trailing treat trim true union unique",
    "user using values varchar variadic verbose when where window with xmlattributes xmlconcat xmlelement xmlexists",
    "xmlforest xmlnamespaces xmlparse xmlpi xmlroot xmlserialize xmltable",
  ]
    .join(" ")
    .split(" "),
);
