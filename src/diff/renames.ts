import type { SchemaModel, TableObj } from "../catalog/model.js";
import { qualify, quoteIdent } from "../db/quote.js";
import { MigrateError } from "../errors.js";
import { type Statement, stmt } from "./change.js";

/** A rename the user declared; without one, a renamed object diffs as a drop plus an add. */
export interface Rename {
  hint: string;
  kind: "table" | "column";
  schema: string;
  table: string;
  /** The column's old name, for column renames. */
  column: string | null;
  newName: string;
  /** Where a table moves (SET SCHEMA); its own schema when it stays. */
  newSchema: string;
  /** The move goes to a schema the source lacks: the rename creates it, and its undoing drops it. */
  createsSchema: boolean;
}

function findTable(model: SchemaModel, schema: string, name: string): TableObj | undefined {
  return Object.values(model.objects).find(
    (o): o is TableObj => o.kind === "table" && o.schema === schema && o.name === name,
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
 * `schema.table.column=new` renames a column (schema defaults to public). A hint that names nothing in the
 * source, or whose new name is missing from the target, is refused.
 */
export function resolveRenames(hints: string[], source: SchemaModel, target: SchemaModel): Rename[] {
  const parsed = onlyFirstCreatesSchema(hints.map((hint) => parseHint(hint, source)));
  // Where a table is after the renames: a column hint names its table as the source has it.
  const after = (schema: string, table: string) => {
    const moved = parsed.find((r) => r.kind === "table" && r.schema === schema && r.table === table);
    return moved ? { schema: moved.newSchema, name: moved.newName } : { schema, name: table };
  };
  for (const r of parsed) {
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
  // Columns are renamed while their table still has its old name and schema; tables after.
  return [...parsed.filter((r) => r.kind === "column"), ...parsed.filter((r) => r.kind === "table")];
}

/**
 * Several tables may move into one new schema: the first move creates it and, undone last, drops it.
 */
function onlyFirstCreatesSchema(renames: Rename[]): Rename[] {
  const created = new Set<string>();
  return renames.map((r) => {
    if (!r.createsSchema) return r;
    if (created.has(r.newSchema)) return { ...r, createsSchema: false };
    created.add(r.newSchema);
    return r;
  });
}

function parseHint(hint: string, source: SchemaModel): Rename {
  const [path, renamedTo, extra] = hint.split("=");
  const parts = (path ?? "").split(".");
  const to = (renamedTo ?? "").split(".");
  if (
    !renamedTo ||
    extra !== undefined ||
    parts.length < 2 ||
    parts.length > 3 ||
    parts.some((p) => !p) ||
    to.length > 2 ||
    to.some((p) => !p)
  ) {
    throw new MigrateError("USAGE", `rename hint "${hint}" is malformed; ${HINT_FORMS}`);
  }
  const [a, b, c] = parts as [string, string, string | undefined];
  if (c === undefined && findTable(source, a, b)) {
    const [newSchema, newName] = to.length === 2 ? (to as [string, string]) : [a, to[0] as string];
    const createsSchema = source.objects[`schema:${newSchema}`] === undefined;
    return { hint, kind: "table", schema: a, table: b, column: null, newName, newSchema, createsSchema };
  }
  if (to.length === 2) {
    throw new MigrateError(
      "USAGE",
      `rename hint "${hint}": only a table moves to another schema (schema.table=other_schema.table); a column keeps its table`,
    );
  }
  const newName = to[0] as string;
  const [schema, table, column] = c === undefined ? ["public", a, b] : [a, b, c];
  const found = findTable(source, schema, table);
  if (!found || !hasColumn(source, found, column)) {
    throw new MigrateError(
      "USAGE",
      `rename hint "${hint}" names no table or column in the source; ${HINT_FORMS}`,
    );
  }
  return { hint, kind: "column", schema, table, column, newName, newSchema: schema, createsSchema: false };
}

const HINT_FORMS =
  "use schema.table=new_table, schema.table=other_schema.table or [schema.]table.column=new_column";

/**
 * The statements that perform one rename. A table that moves keeps its rows, indexes, constraints and
 * owned sequences: SET SCHEMA takes them along.
 */
export function renameStatements(r: Rename): Statement[] {
  if (r.kind === "column") {
    return [
      stmt(
        `ALTER TABLE ${qualify(r.schema, r.table)} RENAME COLUMN ${quoteIdent(r.column ?? "")} TO ${quoteIdent(r.newName)}`,
      ),
    ];
  }
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

/** The statements that undo one rename. */
export function reverseRenameStatements(r: Rename): Statement[] {
  if (r.kind === "column") {
    return [
      stmt(
        `ALTER TABLE ${qualify(r.schema, r.table)} RENAME COLUMN ${quoteIdent(r.newName)} TO ${quoteIdent(r.column ?? "")}`,
      ),
    ];
  }
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
