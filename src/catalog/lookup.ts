import type { ConstraintObj, DbObject, IndexObj, SchemaModel, TableObj } from "./model.js";

/** Indexes over one model for questions planners ask per object, so a large plan stays linear. */
export interface ModelLookup {
  /** Table id → its primary key constraint. */
  primaryKeys: ReadonlyMap<string, ConstraintObj>;
  /** Constraint id → the index that implements it (primary key, unique, exclusion). */
  constraintIndexes: ReadonlyMap<string, IndexObj>;
}

/**
 * `build` computed once per model and remembered while the model lives: models are never changed once
 * introspected, and a plan asks the same questions of them many times.
 */
export function perModel<T>(build: (model: SchemaModel) => T): (model: SchemaModel) => T {
  const cache = new WeakMap<SchemaModel, T>();
  return (model) => {
    let value = cache.get(model);
    if (value === undefined) {
      value = build(model);
      cache.set(model, value);
    }
    return value;
  };
}

/** The model's objects in their order, built once: `Object.values` of 20,000 keys is not free. */
export const objectList = perModel((model): readonly DbObject[] => Object.values(model.objects));

/** The lookup of a model, built on first use. */
export const modelLookup = perModel((model): ModelLookup => {
  const primaryKeys = new Map<string, ConstraintObj>();
  const constraintIndexes = new Map<string, IndexObj>();
  for (const object of objectList(model)) {
    if (object.kind === "index" && object.ownerConstraint)
      constraintIndexes.set(object.ownerConstraint, object);
    if (object.kind === "constraint" && object.type === "primary key") primaryKeys.set(object.table, object);
  }
  return { primaryKeys, constraintIndexes };
});

/**
 * Object id → ids of the objects whose dependsOn names it. Apart from modelLookup: it reads every
 * dependency of every object, which the diff (asking only for constraint indexes) does not need.
 */
export const modelDependents = perModel((model): ReadonlyMap<string, readonly string[]> => {
  const dependents = new Map<string, string[]>();
  for (const object of objectList(model)) {
    for (const dependency of object.dependsOn) {
      const list = dependents.get(dependency);
      if (list) list.push(object.id);
      else dependents.set(dependency, [object.id]);
    }
  }
  return dependents;
});

/** Partitioned index id → the partitions' indexes attached to it (IndexObj.parentIndex), in model order. */
export const attachedIndexes = perModel((model): ReadonlyMap<string, readonly IndexObj[]> => {
  const children = new Map<string, IndexObj[]>();
  for (const object of objectList(model)) {
    if (object.kind !== "index" || !object.parentIndex) continue;
    const list = children.get(object.parentIndex);
    if (list) list.push(object);
    else children.set(object.parentIndex, [object]);
  }
  return children;
});

/** The table of that schema and name, by a scan: for the few lookups a rename hint makes. */
export function findTable(model: SchemaModel, schema: string, name: string): TableObj | undefined {
  return objectList(model).find(
    (o): o is TableObj => o.kind === "table" && o.schema === schema && o.name === name,
  );
}

/** The tables whose columns a foreign key names: its own, and the one it references. */
export function foreignKeyTables(model: SchemaModel, fk: DbObject): Set<string> {
  const tables = new Set<string>();
  for (const dep of fk.dependsOn) {
    const column = model.objects[dep];
    if (column?.kind === "column") tables.add(column.table);
  }
  return tables;
}

/** The tables some foreign key of the model names a column of (references, or is on). */
const tablesInForeignKeys = perModel((model): ReadonlySet<string> => {
  const tables = new Set<string>();
  for (const object of objectList(model)) {
    if (object.kind !== "constraint" || object.type !== "foreign key") continue;
    for (const table of foreignKeyTables(model, object)) tables.add(table);
  }
  return tables;
});

/** Whether a foreign key of the model names a column of the table (references it, or is on it). */
export function inForeignKey(model: SchemaModel, table: string): boolean {
  return tablesInForeignKeys(model).has(table);
}
