import { objectList } from "../catalog/lookup.js";
import type { DbObject, SchemaModel, TableObj } from "../catalog/model.js";
import { quoteIdent } from "../db/quote.js";

/**
 * Tables that leave or join parents. A table that leaves every parent it had (DETACH PARTITION, NO
 * INHERIT) keeps the columns, constraints and indexes it got from them, now as its own: PostgreSQL turns
 * the clones local rather than dropping them. A table that joins parents (ATTACH PARTITION, INHERIT) must
 * already have their CHECK constraints, which it then shares; keys, foreign keys and indexes it is given.
 */
export interface ParentChanges {
  /** The source with the clones of leaving tables local; the same model when no table leaves. */
  source: SchemaModel;
  /** The target with the CHECK clones of joining tables local; the same model when no table joins. */
  target: SchemaModel;
  /** Tables that leave every parent they had: they keep their inherited columns too. */
  leaving: Set<string>;
  /** Tables that join parents and had none of them: their columns become the parents' copies. */
  joining: Set<string>;
  /** Clone id → the id of the table that leaves its parents: the clone is changed after it has left. */
  detachedClones: Map<string, string>;
  /** CHECK clone id → the id of the table that joins parents: the check is added before it joins. */
  joiningChecks: Map<string, string>;
}

function parents(table: TableObj): string[] {
  return [...(table.partitionOf ? [table.partitionOf] : []), ...table.inherits];
}

/**
 * Whether the partitioned table `id` changes its partition key, or the type of a column in it (which
 * PostgreSQL refuses to alter), so that it is dropped and created again (see tableSql.alter): its
 * partitions leave it first, are changed on their own, and join the new one after.
 */
export function rebuildsPartitionedTable(source: SchemaModel, target: SchemaModel, id: string): boolean {
  const from = source.objects[id];
  const to = target.objects[id];
  if (from?.kind !== "table" || to?.kind !== "table") return false;
  if (from.partitionKey !== to.partitionKey) return true;
  return from.partitionKey !== null && retypesKeyColumn(source, target, from);
}

function retypesKeyColumn(source: SchemaModel, target: SchemaModel, table: TableObj): boolean {
  return table.columns.some((id) => {
    const before = source.objects[id];
    const after = target.objects[id];
    if (before?.kind !== "column" || after?.kind !== "column" || before.type === after.type) return false;
    return inPartitionKey(table, before.name);
  });
}

/** Whether a partitioned table's key reads the column (PostgreSQL refuses to change its type). */
export function inPartitionKey(table: TableObj, column: string): boolean {
  // The key is deparsed text ("LIST (region)", "RANGE (lower(name), id)"), its names quoted as needed.
  const key = table.partitionKey;
  if (key === null) return false;
  const name = quoteIdent(column).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(^|[^\\w"])${name}($|[^\\w"])`).test(key.slice(key.indexOf("(")));
}

/** Whether `from` has parents and `to`, the same table later, has none of them (a rebuilt one is new). */
function leavesEveryParent(
  from: DbObject | undefined,
  to: DbObject | undefined,
  rebuilt: (id: string) => boolean,
): boolean {
  if (from?.kind !== "table" || to?.kind !== "table") return false;
  const before = parents(from);
  const after = parents(to);
  return before.length > 0 && before.every((parent) => !after.includes(parent) || rebuilt(parent));
}

/**
 * `model` with the clones `localize` picks made local, and the picked ids with their tables. A local
 * clone no longer depends on its parent's objects (a partition's key on the parent's key).
 */
function localized(
  model: SchemaModel,
  tables: Set<string>,
  localize: (object: DbObject) => DbObject | null,
): { model: SchemaModel; clones: Map<string, string> } {
  const clones = new Map<string, string>();
  if (tables.size === 0) return { model, clones };
  const objects = { ...model.objects };
  for (const object of objectList(model)) {
    if (!("table" in object) || !tables.has(object.table)) continue;
    const local = localize(object);
    const table = model.objects[object.table];
    if (!local || table?.kind !== "table") continue;
    const ofParent = (id: string) => {
      const dep = model.objects[id];
      const owner = dep && "table" in dep ? dep.table : id;
      return parents(table).includes(owner);
    };
    objects[object.id] = { ...local, dependsOn: local.dependsOn.filter((id) => !ofParent(id)) };
    clones.set(object.id, object.table);
  }
  return { model: { ...model, objects }, clones };
}

export function parentChanges(source: SchemaModel, target: SchemaModel): ParentChanges {
  const leaving = new Set<string>();
  const joining = new Set<string>();
  const rebuilt = (id: string) => rebuildsPartitionedTable(source, target, id);
  for (const object of objectList(source)) {
    if (object.kind !== "table") continue;
    const later = target.objects[object.id];
    if (leavesEveryParent(object, later, rebuilt)) leaving.add(object.id);
    if (leavesEveryParent(later, object, rebuilt)) joining.add(object.id);
  }
  const detached = localized(source, leaving, (object) => {
    if (object.kind === "column" && object.inherited) return { ...object, inherited: false };
    if (object.kind === "constraint" && object.inherited) return { ...object, inherited: false };
    if (object.kind === "index" && object.parentIndex) return { ...object, parentIndex: null };
    return null;
  });
  const attached = localized(target, joining, (object) =>
    object.kind === "constraint" && object.inherited && object.type === "check"
      ? { ...object, inherited: false }
      : null,
  );
  return {
    source: detached.model,
    target: attached.model,
    leaving,
    joining,
    detachedClones: detached.clones,
    joiningChecks: attached.clones,
  };
}
