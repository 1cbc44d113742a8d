import { findTable } from "../catalog/lookup.js";
import type { EnumObj, SchemaModel, TableObj } from "../catalog/model.js";
import { qualify, quoteIdent, quoteLiteral } from "../db/quote.js";
import { MigrateError } from "../errors.js";
import { type Statement, stmt } from "./change.js";
import { followingRenames } from "./following-renames.js";

/** A rename the user declared; without one, a renamed object diffs as a drop plus an add. */
export type Rename = HintedRename | FollowingRename;

/** The renames a hint names itself. */
type HintedRename = TableRename | ColumnRename | EnumValueRename;

export interface TableRename {
  kind: "table";
  hint: string;
  schema: string;
  table: string;
  newName: string;
  /** Where the table moves (SET SCHEMA); its own schema when it stays. */
  newSchema: string;
  /** The move goes to a schema the source lacks: the rename creates it, and its undoing drops it. */
  createsSchema: boolean;
}

export interface ColumnRename {
  kind: "column";
  hint: string;
  schema: string;
  table: string;
  column: string;
  newName: string;
}

/**
 * A key, index or serial sequence named after a renamed table or column the way PostgreSQL names them
 * (`orders_pkey`, `orders_id_seq`), renamed too when the target names it after the new name; otherwise the
 * diff would rebuild the key and its foreign keys, and start the sequence again. Found, never hinted.
 */
export interface FollowingRename {
  kind: "follows";
  hint: string;
  object: "constraint" | "index" | "sequence";
  /** Where the object is once its table has been renamed or moved. */
  schema: string;
  table: string;
  name: string;
  newName: string;
}

/** RENAME VALUE keeps every stored value, where a drop plus an add would recreate the type. */
export interface EnumValueRename {
  kind: "enum value";
  hint: string;
  schema: string;
  type: string;
  label: string;
  newLabel: string;
}

function findEnum(model: SchemaModel, schema: string, name: string): EnumObj | undefined {
  return Object.values(model.objects).find(
    (o): o is EnumObj => o.kind === "enum" && o.schema === schema && o.name === name,
  );
}

function hasColumn(model: SchemaModel, table: TableObj, column: string): boolean {
  return table.columns.some((id) => {
    const c = model.objects[id];
    return c?.kind === "column" && c.name === column;
  });
}

/**
 * Reads hints against the source schema: `schema.table=new` renames a table, `schema.table=other.new` moves
 * it to another schema (and renames it when the name differs), `table.column=new` or
 * `schema.table.column=new` renames a column, and `[schema.]enum.label=new` renames an enum's label (schema
 * defaults to public). A hint that names nothing in the source, or whose new name is missing from the
 * target, is refused.
 */
export function resolveRenames(hints: string[], source: SchemaModel, target: SchemaModel): Rename[] {
  const parsed = onlyFirstCreatesSchema(hints.map((hint) => parseHint(hint, source)));
  const tables = parsed.filter((r) => r.kind === "table");
  // Where a table is after the renames: a column hint names its table as the source has it.
  const after = (schema: string, table: string) => {
    const moved = tables.find((r) => r.schema === schema && r.table === table);
    return moved ? { schema: moved.newSchema, name: moved.newName } : { schema, name: table };
  };
  for (const r of parsed) checkTarget(r, target, after);
  // Columns are renamed while their table still has its old name and schema; tables after, then what is
  // named after them.
  return [
    ...parsed.filter((r) => r.kind !== "table"),
    ...tables,
    ...followingRenames(parsed, source, target),
  ];
}

function checkTarget(
  r: HintedRename,
  target: SchemaModel,
  after: (schema: string, table: string) => { schema: string; name: string },
): void {
  if (r.kind === "enum value") {
    if (!findEnum(target, r.schema, r.type)?.labels.includes(r.newLabel)) {
      throw new MigrateError(
        "USAGE",
        `rename hint "${r.hint}": the target's enum ${r.schema}.${r.type} has no label '${r.newLabel}'; check the new label`,
      );
    }
    return;
  }
  const place = r.kind === "table" ? { schema: r.newSchema, name: r.newName } : after(r.schema, r.table);
  const table = findTable(target, place.schema, place.name);
  if (r.kind === "table" && !table) {
    throw new MigrateError(
      "USAGE",
      `rename hint "${r.hint}": the target has no table ${place.schema}.${place.name}; check the new name`,
    );
  }
  if (r.kind === "column" && (!table || !hasColumn(target, table, r.newName))) {
    throw new MigrateError(
      "USAGE",
      `rename hint "${r.hint}": the target has no column ${r.newName} on ${place.schema}.${place.name}; check the new name`,
    );
  }
}

/**
 * Several tables may move into one new schema: the first move creates it and, undone last, drops it.
 */
function onlyFirstCreatesSchema(renames: HintedRename[]): HintedRename[] {
  const created = new Set<string>();
  return renames.map((r) => {
    if (r.kind !== "table" || !r.createsSchema) return r;
    if (created.has(r.newSchema)) return { ...r, createsSchema: false };
    created.add(r.newSchema);
    return r;
  });
}

/** The dotted parts of a hint's two sides, or undefined when it has none of the accepted shapes. */
export function hintParts(hint: string): { parts: string[]; to: string[] } | undefined {
  const [path, renamedTo, extra] = hint.split("=");
  const parts = (path ?? "").split(".");
  const to = (renamedTo ?? "").split(".");
  const wellFormed =
    renamedTo !== undefined &&
    extra === undefined &&
    parts.length >= 2 &&
    parts.length <= 3 &&
    to.length <= 2 &&
    [...parts, ...to].every((p) => p.trim() === p && p !== "");
  return wellFormed ? { parts, to } : undefined;
}

function parseHint(hint: string, source: SchemaModel): HintedRename {
  const shape = hintParts(hint);
  if (!shape) throw new MigrateError("USAGE", `rename hint "${hint}" is malformed; ${HINT_FORMS}`);
  const { parts, to } = shape;
  const [a, b, c] = parts as [string, string, string | undefined];
  if (c === undefined && findTable(source, a, b)) {
    const [newSchema, newName] = to.length === 2 ? (to as [string, string]) : [a, to[0] as string];
    const createsSchema = source.objects[`schema:${newSchema}`] === undefined;
    return { hint, kind: "table", schema: a, table: b, newName, newSchema, createsSchema };
  }
  if (to.length === 2) {
    throw new MigrateError(
      "USAGE",
      `rename hint "${hint}": only a table moves to another schema (schema.table=other_schema.table); a column or label keeps its place`,
    );
  }
  const newName = to[0] as string;
  const [schema, owner, member] = c === undefined ? ["public", a, b] : [a, b, c];
  const table = findTable(source, schema, owner);
  if (table && hasColumn(source, table, member)) {
    return { hint, kind: "column", schema, table: owner, column: member, newName };
  }
  // A table and a type cannot share a name in one schema (the table's row type takes it), so this cannot
  // shadow a column hint.
  if (findEnum(source, schema, owner)?.labels.includes(member)) {
    return { hint, kind: "enum value", schema, type: owner, label: member, newLabel: newName };
  }
  throw new MigrateError(
    "USAGE",
    `rename hint "${hint}" names no table, column or enum label in the source; ${HINT_FORMS}`,
  );
}

export const HINT_FORMS =
  "use schema.table=new_table, schema.table=other_schema.table, [schema.]table.column=new_column or [schema.]enum.label=new_label";

/**
 * The statements that perform one rename. A table that moves keeps its rows, indexes, constraints and
 * owned sequences: SET SCHEMA takes them along.
 */
export function renameStatements(r: Rename): Statement[] {
  switch (r.kind) {
    case "follows":
      return [followingRename(r, r.name, r.newName)];
    case "enum value":
      return [enumValueRename(r.schema, r.type, r.label, r.newLabel)];
    case "column":
      return [columnRename(r.schema, r.table, r.column, r.newName)];
    case "table":
      return [
        ...(r.createsSchema ? [stmt(`CREATE SCHEMA ${quoteIdent(r.newSchema)}`)] : []),
        ...(r.newSchema === r.schema
          ? []
          : [stmt(`ALTER TABLE ${qualify(r.schema, r.table)} SET SCHEMA ${quoteIdent(r.newSchema)}`)]),
        ...(r.newName === r.table
          ? []
          : [stmt(`ALTER TABLE ${qualify(r.newSchema, r.table)} RENAME TO ${quoteIdent(r.newName)}`)]),
      ];
  }
}

/** The statements that undo one rename. */
export function reverseRenameStatements(r: Rename): Statement[] {
  switch (r.kind) {
    case "follows":
      return [followingRename(r, r.newName, r.name)];
    case "enum value":
      return [enumValueRename(r.schema, r.type, r.newLabel, r.label)];
    case "column":
      return [columnRename(r.schema, r.table, r.newName, r.column)];
    case "table":
      return [
        ...(r.newName === r.table
          ? []
          : [stmt(`ALTER TABLE ${qualify(r.newSchema, r.newName)} RENAME TO ${quoteIdent(r.table)}`)]),
        ...(r.newSchema === r.schema
          ? []
          : [stmt(`ALTER TABLE ${qualify(r.newSchema, r.table)} SET SCHEMA ${quoteIdent(r.schema)}`)]),
        ...(r.createsSchema ? [stmt(`DROP SCHEMA ${quoteIdent(r.newSchema)}`)] : []),
      ];
  }
}

function columnRename(schema: string, table: string, from: string, to: string): Statement {
  return stmt(`ALTER TABLE ${qualify(schema, table)} RENAME COLUMN ${quoteIdent(from)} TO ${quoteIdent(to)}`);
}

function enumValueRename(schema: string, type: string, from: string, to: string): Statement {
  return stmt(
    `ALTER TYPE ${qualify(schema, type)} RENAME VALUE ${quoteLiteral(from)} TO ${quoteLiteral(to)}`,
  );
}

function followingRename(r: FollowingRename, from: string, to: string): Statement {
  if (r.object === "constraint") {
    return stmt(
      `ALTER TABLE ${qualify(r.schema, r.table)} RENAME CONSTRAINT ${quoteIdent(from)} TO ${quoteIdent(to)}`,
    );
  }
  const what = r.object === "index" ? "INDEX" : "SEQUENCE";
  return stmt(`ALTER ${what} ${qualify(r.schema, from)} RENAME TO ${quoteIdent(to)}`);
}
