import type { ColumnDef, Constraint, ConstrType, Node, RangeVar, TypeName } from "libpg-query";

/**
 * Small readers over libpg-query parse trees. The trees are PostgreSQL's own raw parse nodes, so names are
 * already case-folded (unquoted identifiers) exactly as the server would see them.
 */

/** A table (or other relation) as written in the script: schema only when the script names one. */
export interface RelationRef {
  schema?: string;
  name: string;
}

export function relationOf(range: RangeVar): RelationRef {
  return range.schemaname
    ? { schema: range.schemaname, name: range.relname ?? "" }
    : { name: range.relname ?? "" };
}

/** `schema.name` parts from a list of String nodes (DROP TABLE s.t, function names, type names). */
export function nameParts(nodes: Node[] | undefined): string[] {
  return (nodes ?? []).flatMap((node) =>
    "String" in node && node.String.sval !== undefined ? [node.String.sval] : [],
  );
}

export function relationFromParts(parts: string[]): RelationRef {
  const name = parts.at(-1) ?? "";
  return parts.length > 1 ? { schema: parts.at(-2), name } : { name };
}

/** The same relation, when one side leaves the schema out (we cannot know the search_path). */
export function sameRelation(a: RelationRef, b: RelationRef): boolean {
  return a.name === b.name && (a.schema === undefined || b.schema === undefined || a.schema === b.schema);
}

export function displayRelation(ref: RelationRef): string {
  return ref.schema ? `${ref.schema}.${ref.name}` : ref.name;
}

/** A type as written: `pg_catalog.int4` becomes { builtin: true, name: "int4" }. */
export interface WrittenType {
  schema?: string;
  name: string;
  /** Written in pg_catalog, or by a SQL-standard keyword the grammar maps there (integer, varchar, timestamp). */
  builtin: boolean;
  typmods: number[];
  array: boolean;
}

export function writtenType(type: TypeName): WrittenType {
  const parts = nameParts(type.names);
  const name = parts.at(-1) ?? "";
  const schema = parts.length > 1 ? parts.at(-2) : undefined;
  return {
    schema,
    name,
    builtin: schema === undefined || schema === "pg_catalog",
    typmods: (type.typmods ?? []).flatMap((node) => {
      const value = integerConstant(node);
      return value === undefined ? [] : [value];
    }),
    array: (type.arrayBounds?.length ?? 0) > 0,
  };
}

// Internal names the grammar maps SQL-standard spellings to, shown the way people write them.
const DISPLAY_NAMES: Record<string, string> = {
  int2: "smallint",
  int4: "integer",
  int8: "bigint",
  float4: "real",
  float8: "double precision",
  bool: "boolean",
  bpchar: "char",
};

/** A written type as SQL: `varchar(80)`, `bigint`, `app.money[]`. */
export function displayType(type: WrittenType): string {
  const name = type.builtin ? (DISPLAY_NAMES[type.name] ?? type.name) : `${type.schema}.${type.name}`;
  const modifiers = type.typmods.length > 0 ? `(${type.typmods.join(",")})` : "";
  return `${name}${modifiers}${type.array ? "[]" : ""}`;
}

/** An integer literal; protobuf leaves `ival` out when it is 0. */
function integerConstant(node: Node): number | undefined {
  if ("A_Const" in node && node.A_Const.ival !== undefined) return node.A_Const.ival.ival ?? 0;
  if ("Integer" in node) return node.Integer.ival ?? 0;
  return undefined;
}

/** A string or integer literal as text (SET lock_timeout = '5s' / = 0). */
export function constantText(node: Node): string | undefined {
  if ("A_Const" in node) {
    const value = node.A_Const;
    if (value.sval !== undefined) return value.sval.sval ?? "";
    if (value.ival !== undefined) return String(value.ival.ival ?? 0);
    if (value.fval !== undefined) return value.fval.fval ?? "0";
  }
  return undefined;
}

export function constraintsOf(column: ColumnDef): Constraint[] {
  return (column.constraints ?? []).flatMap((node) => ("Constraint" in node ? [node.Constraint] : []));
}

export function hasConstraint(column: ColumnDef, type: ConstrType): boolean {
  return constraintsOf(column).some((constraint) => constraint.contype === type);
}

/** The column named by a bare column reference (`col`), if that is all the node is. */
export function columnRefName(node: Node | undefined): string | undefined {
  if (!node || !("ColumnRef" in node)) return undefined;
  const fields = nameParts(node.ColumnRef.fields);
  return fields.length === 1 ? fields[0] : undefined;
}

/** `col IS NOT NULL` and nothing else: the CHECK that lets SET NOT NULL skip its scan. */
export function notNullCheckColumn(expression: Node | undefined): string | undefined {
  if (!expression || !("NullTest" in expression)) return undefined;
  const test = expression.NullTest;
  return test.nulltesttype === "IS_NOT_NULL" ? columnRefName(test.arg) : undefined;
}

/** The byte offset a node reports for itself, when it has one. */
export function locationOf(node: object | undefined): number | undefined {
  const location = (node as { location?: unknown } | undefined)?.location;
  return typeof location === "number" && location >= 0 ? location : undefined;
}

/**
 * Visits every object in a parse tree with the key it hangs under. Used to collect what the catalog must be
 * asked about (relations, functions, types), independent of which statement kinds hold them.
 */
export function walkTree(tree: unknown, visit: (key: string, value: Record<string, unknown>) => void): void {
  const stack: [string, unknown][] = [["", tree]];
  while (stack.length > 0) {
    const [key, value] = stack.pop()!;
    if (Array.isArray(value)) {
      for (const item of value) stack.push([key, item]);
    } else if (value !== null && typeof value === "object") {
      const record = value as Record<string, unknown>;
      visit(key, record);
      for (const [childKey, child] of Object.entries(record)) stack.push([childKey, child]);
    }
  }
}
