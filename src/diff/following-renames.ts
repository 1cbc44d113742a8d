import { findTable, objectList } from "../catalog/lookup.js";
import type { DbObject, SchemaModel, TableObj } from "../catalog/model.js";
import type { FollowingRename, Rename } from "./renames.js";

// PostgreSQL truncates longer names, and then picks its own; such a name is not renamed along.
const NAME_BYTES = 63;

interface RenamedTable {
  table: TableObj;
  newSchema: string;
  newName: string;
  /** Old column name → the new one and its hint. */
  columns: Map<string, { to: string; hint: string }>;
  tableHint: string | null;
}

/**
 * The keys, indexes and serial sequences of hinted tables and columns that are named after them the way
 * PostgreSQL names them, and that the target names after the new names: `orders_pkey` becomes
 * `purchases_pkey` with the table, `orders_note_key` becomes `orders_comment_key` with the column.
 */
export function followingRenames(
  renames: Rename[],
  source: SchemaModel,
  target: SchemaModel,
): FollowingRename[] {
  const found: FollowingRename[] = [];
  for (const renamed of renamedTables(renames, source)) {
    const after = findTable(target, renamed.newSchema, renamed.newName);
    if (!after) continue;
    for (const object of namedAfter(source, renamed.table)) {
      const following = followingName(object.name, renamed);
      if (following === null) continue;
      const { newName, hints } = following;
      if (!targetHas(target, object, after, newName) || nameTaken(source, object, renamed, newName)) continue;
      found.push({
        kind: "follows",
        hint: `${renamed.newSchema}.${object.name}=${newName} (follows ${hints.join(", ")})`,
        object: object.kind,
        schema: renamed.newSchema,
        table: renamed.newName,
        name: object.name,
        newName,
      });
    }
  }
  return found;
}

type Named = Extract<DbObject, { kind: "constraint" | "index" | "sequence" }>;

function renamedTables(renames: Rename[], source: SchemaModel): RenamedTable[] {
  const byTable = new Map<string, RenamedTable>();
  const entry = (schema: string, name: string): RenamedTable | undefined => {
    const table = findTable(source, schema, name);
    if (!table) return undefined;
    let found = byTable.get(table.id);
    if (!found) {
      found = { table, newSchema: schema, newName: name, columns: new Map(), tableHint: null };
      byTable.set(table.id, found);
    }
    return found;
  };
  for (const r of renames) {
    if (r.kind === "table") {
      const e = entry(r.schema, r.table);
      if (!e) continue;
      e.newSchema = r.newSchema;
      e.newName = r.newName;
      e.tableHint = r.hint;
    } else if (r.kind === "column") {
      entry(r.schema, r.table)?.columns.set(r.column, { to: r.newName, hint: r.hint });
    }
  }
  return [...byTable.values()];
}

/** The table's own keys, its indexes that no key owns, and the sequences its columns own. */
function namedAfter(model: SchemaModel, table: TableObj): Named[] {
  return objectList(model).filter((o): o is Named => {
    if (o.kind === "constraint") return o.table === table.id && !o.inherited;
    if (o.kind === "index")
      return o.table === table.id && o.ownerConstraint === null && o.parentIndex === null;
    if (o.kind === "sequence") {
      const owner = o.ownedBy ? model.objects[o.ownedBy] : undefined;
      return owner?.kind === "column" && owner.table === table.id && o.schema === table.schema;
    }
    return false;
  });
}

/**
 * The name PostgreSQL's pattern gives the object after the renames, with the hints that changed it; null
 * when the name does not follow the pattern.
 */
function followingName(name: string, renamed: RenamedTable): { newName: string; hints: string[] } | null {
  const prefix = `${renamed.table.name}_`;
  if (!name.startsWith(prefix)) return null;
  let rest = name.slice(prefix.length);
  const hints = renamed.tableHint ? [renamed.tableHint] : [];
  for (const [from, { to, hint }] of renamed.columns) {
    const next = rest.replace(new RegExp(`(^|_)${escapeRegExp(from)}(?=_|$)`, "g"), `$1${to}`);
    if (next !== rest) hints.push(hint);
    rest = next;
  }
  const newName = `${renamed.newName}_${rest}`;
  return newName !== name && Buffer.byteLength(newName) <= NAME_BYTES ? { newName, hints } : null;
}

function targetHas(target: SchemaModel, object: Named, table: TableObj, newName: string): boolean {
  return objectList(target).some((o) => {
    if (o.kind !== object.kind || o.name !== newName) return false;
    if (o.kind === "constraint" && object.kind === "constraint")
      return o.table === table.id && o.type === object.type;
    if (o.kind === "index") return o.table === table.id && o.schema === table.schema;
    if (o.kind === "sequence") {
      const owner = o.ownedBy ? target.objects[o.ownedBy] : undefined;
      return owner?.kind === "column" && owner.table === table.id;
    }
    return false;
  });
}

/** Whether the new name is already another object's in the source, where the rename would collide. */
function nameTaken(source: SchemaModel, object: Named, renamed: RenamedTable, newName: string): boolean {
  return objectList(source).some((o) => {
    if (o.kind === "constraint")
      return object.kind === "constraint" && o.table === renamed.table.id && o.name === newName;
    // Indexes and sequences share the schema's relation names.
    return (
      (o.kind === "index" ||
        o.kind === "sequence" ||
        o.kind === "table" ||
        o.kind === "view" ||
        o.kind === "materialized view") &&
      object.kind !== "constraint" &&
      o.schema === renamed.newSchema &&
      o.name === newName
    );
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
