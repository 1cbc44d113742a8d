import type { ConstraintObj, IndexObj, SchemaModel } from "./model.js";

/** Indexes over one model for questions planners ask per object, so a large plan stays linear. */
export interface ModelLookup {
  /** Table id → its primary key constraint. */
  primaryKeys: ReadonlyMap<string, ConstraintObj>;
  /** Constraint id → the index that implements it (primary key, unique, exclusion). */
  constraintIndexes: ReadonlyMap<string, IndexObj>;
  /** Object id → ids of the objects whose dependsOn names it. */
  dependents: ReadonlyMap<string, readonly string[]>;
}

const lookups = new WeakMap<SchemaModel, ModelLookup>();

/** The lookup of a model, built on first use; models are never changed once introspected. */
export function modelLookup(model: SchemaModel): ModelLookup {
  let lookup = lookups.get(model);
  if (!lookup) {
    const primaryKeys = new Map<string, ConstraintObj>();
    const dependents = new Map<string, string[]>();
    const constraintIndexes = new Map<string, IndexObj>();
    for (const object of Object.values(model.objects)) {
      if (object.kind === "index" && object.ownerConstraint)
        constraintIndexes.set(object.ownerConstraint, object);
      if (object.kind === "constraint" && object.type === "primary key")
        primaryKeys.set(object.table, object);
      for (const dependency of object.dependsOn) {
        const list = dependents.get(dependency) ?? [];
        list.push(object.id);
        dependents.set(dependency, list);
      }
    }
    lookup = { primaryKeys, constraintIndexes, dependents };
    lookups.set(model, lookup);
  }
  return lookup;
}
