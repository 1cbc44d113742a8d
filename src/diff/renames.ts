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
 * Reads hints against the source schema: `schema.table=new` renames a table, `table.column=new` or
 * `schema.table.column=new` renames a column (schema defaults to public). A hint that names nothing in the
 * source, or whose new name is missing from the target, is refused.
 */
export function resolveRenames(hints: string[], source: SchemaModel, target: SchemaModel): Rename[] {
  const parsed = hints.map((hint) => parseHint(hint, source));
  const renamed = (schema: string, table: string) =>
    parsed.find((r) => r.kind === "table" && r.schema === schema && r.table === table)?.newName ?? table;
  for (const r of parsed) {
    const table = findTable(target, r.schema, r.kind === "table" ? r.newName : renamed(r.schema, r.table));
    if (r.kind === "table" && !table) {
      throw new MigrateError(
        "USAGE",
        `rename hint "${r.hint}": the target has no table ${r.schema}.${r.newName}; check the new name`,
      );
    }
    if (r.kind === "column" && (!table || !hasColumn(target, table, r.newName))) {
      throw new MigrateError(
        "USAGE",
        `rename hint "${r.hint}": the target has no column ${r.newName} on ${r.schema}.${renamed(r.schema, r.table)}; check the new name`,
      );
    }
  }
  // Columns are renamed while their table still has its old name; tables after.
  return [...parsed.filter((r) => r.kind === "column"), ...parsed.filter((r) => r.kind === "table")];
}

function parseHint(hint: string, source: SchemaModel): Rename {
  const [path, newName, extra] = hint.split("=");
  const parts = (path ?? "").split(".");
  if (!newName || extra !== undefined || parts.length < 2 || parts.length > 3 || parts.some((p) => !p)) {
    throw new MigrateError(
      "USAGE",
      `rename hint "${hint}" is malformed; use schema.table=new_table or [schema.]table.column=new_column`,
    );
  }
  const [a, b, c] = parts as [string, string, string | undefined];
  if (c === undefined && findTable(source, a, b)) {
    return { hint, kind: "table", schema: a, table: b, column: null, newName };
  }
  const [schema, table, column] = c === undefined ? ["public", a, b] : [a, b, c];
  const found = findTable(source, schema, table);
  if (!found || !hasColumn(source, found, column)) {
    throw new MigrateError(
      "USAGE",
      `rename hint "${hint}" names no table or column in the source; use schema.table=new_table or [schema.]table.column=new_column`,
    );
  }
  return { hint, kind: "column", schema, table, column, newName };
}

/** The statements that perform the renames, in hint order. */
export function renameStatements(renames: Rename[]): Statement[] {
  return renames.map((r) =>
    r.kind === "table"
      ? stmt(`ALTER TABLE ${qualify(r.schema, r.table)} RENAME TO ${quoteIdent(r.newName)}`)
      : stmt(
          `ALTER TABLE ${qualify(r.schema, r.table)} RENAME COLUMN ${quoteIdent(r.column ?? "")} TO ${quoteIdent(r.newName)}`,
        ),
  );
}

/** The statements that undo the renames, in reverse order. */
export function reverseRenameStatements(renames: Rename[]): Statement[] {
  return [...renames]
    .reverse()
    .map((r) =>
      r.kind === "table"
        ? stmt(`ALTER TABLE ${qualify(r.schema, r.newName)} RENAME TO ${quoteIdent(r.table)}`)
        : stmt(
            `ALTER TABLE ${qualify(r.schema, r.table)} RENAME COLUMN ${quoteIdent(r.newName)} TO ${quoteIdent(r.column ?? "")}`,
          ),
    );
}
