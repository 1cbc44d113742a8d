import { canonical, sameDefinition } from "../catalog/definition.js";
import { attachedIndexes, foreignKeyTables, modelLookup, objectList, perModel } from "../catalog/lookup.js";
import type {
  CollationObj,
  ColumnObj,
  CompositeObj,
  ConstraintObj,
  DbObject,
  DomainObj,
  EnumObj,
  IndexObj,
  SchemaModel,
  SequenceObj,
  TableObj,
} from "../catalog/model.js";
import { quoteIdent } from "../db/quote.js";
import { MigrateError } from "../errors.js";
import type { Change, ChangeAction, DiffContext, Plan, Statement } from "./change.js";
import { isBuild, isRemoval, stmt } from "./change.js";
import { generatorFor, KIND_RANK, type Supported } from "./generators.js";
import { type GraphNode, topologicalOrder } from "./graph.js";
import { inheritanceEdges, inheritedAliases, parentColumn, settleInheritedColumns } from "./inheritance.js";
import { inPartitionKey, type ParentChanges, parentChanges, rebuildsPartitionedTable } from "./parents.js";
import { columnExtras, columnSettingsBeyond, inheritedColumnSettings, isRetyped } from "./sql/columns.js";
import { asideName } from "./sql/common.js";
import { addConstraint, indexSettings, keyUsingIndex } from "./sql/constraints.js";
import { handedToIdentity } from "./sql/identity.js";
import { collationRebuilt } from "./sql/namespaces.js";
import { sequenceOwnership, sequencePastValues } from "./sql/sequences.js";
import { attachesPartition, attachPartition, movesPartition, replicaIdentity } from "./sql/tables.js";
import { attributesLosingValues, domainSql, enumAdditions, enumCreate } from "./sql/types.js";

/**
 * Diffs two schema models into ordered changes. Pure: no I/O. The order comes from a dependency graph
 * built from pg_depend facts in both models: dependencies are created before their dependents and dropped
 * after them; objects that depend on something rebuilt are rebuilt around it.
 */
export function diffSchemas(from: SchemaModel, to: SchemaModel): Change[] {
  const ids = allIds(from, to);
  refuseUnsupported(from, to, ids);
  const parents = parentChanges(from, to);
  const { source, target } = parents;
  const ctx: DiffContext = { source, target };
  const plans = decide(ctx, ids);
  rebuildIndexesLosingPartitions(ctx, plans);
  settleInheritedColumns(source, target, plans, parents);
  const recast = typeRecasts(ctx, plans);
  propagate(ctx, plans, recast);
  refuseRowTypeRetype(ctx, plans);
  return order(ctx, plans, recast, parents);
}

/**
 * PostgreSQL cannot change a column's type while another column stores its table's row type (it can add
 * and drop columns), so the plan would fail when run: it is refused now, naming the column.
 */
function refuseRowTypeRetype(ctx: DiffContext, plans: Map<string, Plan>): void {
  let holders: Map<string, ColumnObj> | undefined;
  for (const [id, plan] of plans) {
    const from = ctx.source.objects[id];
    const to = ctx.target.objects[id];
    if (plan !== "alter" || from?.kind !== "column" || to?.kind !== "column" || !isRetyped(from, to))
      continue;
    const table = ctx.source.objects[from.table];
    if (table?.kind !== "table") continue;
    // Built on the first retype: a plan that retypes thousands of columns must not scan every object for each.
    holders ??= rowTypeHolders(ctx.source, plans);
    const holder = holders.get(table.sqlName) ?? holders.get(`${table.sqlName}[]`);
    if (!holder) continue;
    throw new MigrateError(
      "UNSUPPORTED",
      `cannot change the type of column ${from.sqlName}: column ${holder.sqlName} stores the row type of ${table.sqlName}, and PostgreSQL cannot alter a row type in use; migrate it by hand (move the values to a new composite type first)`,
    );
  }
}

/** The first column of each type that the plan keeps, by type name (a table's row type is its name). */
function rowTypeHolders(model: SchemaModel, plans: Map<string, Plan>): Map<string, ColumnObj> {
  const holders = new Map<string, ColumnObj>();
  for (const object of objectList(model)) {
    if (object.kind === "column" && plans.get(object.id) !== "drop" && !holders.has(object.type))
      holders.set(object.type, object);
  }
  return holders;
}

/** Objects that are described by another object's statements and never diffed on their own. */
function managedElsewhere(object: DbObject): boolean {
  if (object.kind === "constraint") return object.inherited;
  if (object.kind === "index") return object.parentIndex !== null || object.ownerConstraint !== null;
  return object.kind === "unsupported";
}

function refuseUnsupported(source: SchemaModel, target: SchemaModel, ids: readonly string[]): void {
  const differing: string[] = [];
  for (const id of ids) {
    const a = source.objects[id];
    const b = target.objects[id];
    const sample = a ?? b;
    if (sample?.kind !== "unsupported") continue;
    if (!a || !b || canonical(a) !== canonical(b)) differing.push(`${sample.description} ${sample.sqlName}`);
  }
  if (differing.length) {
    throw new MigrateError(
      "UNSUPPORTED",
      `cannot migrate ${differing.length} object(s) of kinds the engine does not support yet: ${differing.sort().join(", ")}; migrate them by hand`,
    );
  }
}

/** Every id of either model once: the source's, then the target's new ones (no set of 40,000 ids built). */
function allIds(source: SchemaModel, target: SchemaModel): string[] {
  const ids = Object.keys(source.objects);
  for (const id of Object.keys(target.objects)) if (source.objects[id] === undefined) ids.push(id);
  return ids;
}

function supported(object: DbObject | undefined): Supported | undefined {
  return object && !managedElsewhere(object) ? (object as Supported) : undefined;
}

function decide(ctx: DiffContext, ids: readonly string[]): Map<string, Plan> {
  const plans = new Map<string, Plan>();
  for (const id of ids) {
    const from = supported(ctx.source.objects[id]);
    const to = supported(ctx.target.objects[id]);
    // A partition's own index that a new index on the parent adopts (it attaches an equivalent index
    // instead of building one) stays where it is.
    if (from && !to && isAttachedIndex(ctx.target.objects[id])) continue;
    if (from && !to && adoptedKey(from, ctx.target.objects[id])) continue;
    if (from && !to) plans.set(id, "drop");
    else if (!from && to) plans.set(id, "create");
    else if (from && to) {
      if (from.kind !== to.kind) plans.set(id, "recreate");
      // A partition whose parent is rebuilt moves to the new parent even when it looks the same.
      else if (
        !sameDefinition(from, to) ||
        (from.kind === "table" &&
          to.kind === "table" &&
          (movesPartition(from, to, ctx) || rebuildsPartitionedTable(ctx.source, ctx.target, id)))
      ) {
        if (needsRecast(ctx, from, to)) {
          plans.set(id, "alter");
          continue;
        }
        const result = generatorFor(from).alter(from, to, ctx);
        if (result === "recreate") plans.set(id, "recreate");
        else if (result.length > 0) plans.set(id, "alter");
      }
    }
  }
  return plans;
}

/**
 * A partitioned index whose partition's index the target no longer attaches to it is rebuilt: PostgreSQL
 * cannot detach an index, only drop it with its parent. The new one is built with the partitions' indexes
 * the target does attach (addPartitionIndexAttachments), and the one let go is created again on its own.
 */
function rebuildIndexesLosingPartitions(ctx: DiffContext, plans: Map<string, Plan>): void {
  const removed = (id: string) => isRemoval(plans.get(id));
  for (const before of objectList(ctx.source)) {
    if (before.kind !== "index" || !before.parentIndex || removed(before.parentIndex)) continue;
    const after = ctx.target.objects[before.id];
    const parent = ctx.target.objects[before.parentIndex];
    if (after?.kind !== "index" || after.parentIndex !== null || parent?.kind !== "index") continue;
    if (parent.ownerConstraint === null && !removed(after.table)) plans.set(parent.id, "recreate");
  }
}

/**
 * A partition's own key that the target attaches to a key its parent gains (pg_dump writes the partition's
 * key apart, then ATTACH PARTITION): kept, and attached once the parent's key exists, rather than dropped.
 */
function adoptedKey(from: DbObject | undefined, to: DbObject | undefined): boolean {
  return (
    from?.kind === "constraint" &&
    to?.kind === "constraint" &&
    to.inherited &&
    !from.inherited &&
    from.type === to.type &&
    from.table === to.table &&
    from.definition === to.definition
  );
}

/**
 * The drop node that takes a source index attached to a partitioned index away: that index's, or its key's
 * (PostgreSQL drops attached indexes with their parent). Null for an index attached to nothing.
 */
function parentIndexDrop(model: SchemaModel, index: IndexObj): string | null {
  if (!index.parentIndex) return null;
  const parent = model.objects[index.parentIndex];
  return key("drop", (parent?.kind === "index" ? parent.ownerConstraint : null) ?? index.parentIndex);
}

function isAttachedIndex(object: DbObject | undefined): boolean {
  return object?.kind === "index" && object.parentIndex !== null;
}

/**
 * Whether a type is rebuilt beside the old one and its columns' values recast through text: an enum that
 * changes other than by added values, a composite type whose attribute changes type while columns store
 * it (ALTER ATTRIBUTE … TYPE refuses that; typed tables take it with CASCADE instead), or a domain whose
 * base type or collation changes while columns store it. A collation whose definition changes while
 * columns use it is rebuilt beside the old one too, and its columns moved over in place.
 */
function needsRecast(ctx: DiffContext, from: Supported, to: Supported): boolean {
  if (from.kind === "enum" && to.kind === "enum") return enumAdditions(from, to) === null;
  if (from.kind === "collation" && to.kind === "collation") {
    return collationRebuilt(from, to) && storedAnywhere(ctx, from);
  }
  if (from.kind === "domain" && to.kind === "domain") {
    return domainSql.alter(from, to, ctx) === "recreate" && storedAnywhere(ctx, from);
  }
  if (from.kind !== "composite" || to.kind !== "composite") return false;
  const retyped = to.attributes.some((a) => {
    const before = from.attributes.find((b) => b.name === a.name);
    return before !== undefined && (before.type !== a.type || before.collation !== a.collation);
  });
  // An attribute inserted before others makes ALTER TYPE drop and add those others, values and all.
  const moved = attributesLosingValues(from, to).some((name) => to.attributes.some((a) => a.name === name));
  if (!retyped && !moved) return false;
  const typed = [ctx.source, ctx.target].some((model) =>
    objectList(model).some((o) => o.kind === "table" && o.ofType === from.id),
  );
  // Values are carried over attribute by attribute, which a USING expression cannot do inside an array.
  if (typed || (!sameAttributeNames(from, to) && storedInArray(ctx, from))) return false;
  return storedAnywhere(ctx, from);
}

function sameAttributeNames(from: CompositeObj, to: CompositeObj): boolean {
  return (
    from.attributes.length === to.attributes.length &&
    from.attributes.every((a, i) => a.name === to.attributes[i]?.name)
  );
}

function storedInArray(ctx: DiffContext, type: Supported): boolean {
  return objectList(ctx.source).some(
    (o) => o.kind === "column" && o.type === `${type.sqlName}[]` && o.dependsOn.includes(type.id),
  );
}

/**
 * Whether altering a composite type loses values that columns store: attributes it drops, and, when its
 * columns are not recast attribute by attribute, those ALTER TYPE drops and adds again to insert another.
 */
function compositeLosesValues(
  ctx: DiffContext,
  from: CompositeObj,
  to: CompositeObj,
  recast: boolean,
): boolean {
  if (!storedAnywhere(ctx, from)) return false;
  const lost = recast
    ? from.attributes.filter((a) => !to.attributes.some((b) => b.name === a.name)).map((a) => a.name)
    : attributesLosingValues(from, to);
  return lost.length > 0;
}

function storedAnywhere(ctx: DiffContext, type: Supported): boolean {
  return objectList(ctx.source).some((o) => o.kind === "column" && holdsValuesOf(o, type));
}

/**
 * A column whose values are of the type (or an array of it), or sort by the collation; not one that only
 * uses it in a default or expression.
 */
function holdsValuesOf(column: ColumnObj, type: Supported): boolean {
  if (!column.dependsOn.includes(type.id)) return false;
  if (type.kind === "collation") return column.collation !== null;
  return column.type === type.sqlName || column.type === `${type.sqlName}[]`;
}

/**
 * Inherited columns dropped from a table that leaves the parent giving them, but not every parent (see
 * parents.ts for those): PostgreSQL drops such a column only once NO INHERIT has made it the table's own.
 */
function inheritedDropsAfterLeaving(ctx: DiffContext, plans: Map<string, Plan>): Set<string> {
  const found = new Set<string>();
  for (const [id, plan] of plans) {
    const column = ctx.source.objects[id];
    if (plan !== "drop" || column?.kind !== "column" || !column.inherited) continue;
    const parent = parentColumn(ctx.source, column);
    const after = ctx.target.objects[column.table];
    if (parent && after?.kind === "table" && !after.inherits.includes(parent.table)) found.add(id);
  }
  return found;
}

/**
 * Whether an existing table gets the column only from a parent it joins (INHERIT, ATTACH PARTITION):
 * PostgreSQL requires the table to have every parent column before it joins, so the column is added first.
 */
function joinsWithColumn(ctx: DiffContext, column: ColumnObj): boolean {
  const before = ctx.source.objects[column.table];
  const parent = column.inherited ? parentColumn(ctx.target, column) : undefined;
  if (before?.kind !== "table" || !parent) return false;
  return before.partitionOf !== parent.table && !before.inherits.includes(parent.table);
}

/** PostgreSQL cannot change the type of a column its table is partitioned by, so no recast can run. */
function refuseKeyRecast(ctx: DiffContext, type: Supported, column: ColumnObj): void {
  const table = ctx.source.objects[column.table];
  if (table?.kind !== "table" || !inPartitionKey(table, column.name)) return;
  const [what, uses] = type.kind === "collation" ? ["collation", "uses"] : ["type", "stores"];
  throw new MigrateError(
    "UNSUPPORTED",
    `cannot rebuild ${what} ${type.sqlName}, as the plan or its rollback must, while column ${column.sqlName} ${uses} it: the column is in the partition key of ${table.sqlName}, whose type and collation PostgreSQL cannot change; migrate it by hand (recreate the partitioned table)`,
  );
}

/**
 * Types whose stored values can be recast through text into a rebuilt type of the same name, and
 * collations, whose columns keep their type and values and only move to the rebuilt collation.
 */
type RecastType = EnumObj | CompositeObj | DomainObj | CollationObj;
const RECAST_KINDS = new Set<string>(["enum", "composite", "domain", "collation"]);

/** For each type rebuilt by needsRecast: the columns whose values are recast into it. */
function typeRecasts(ctx: DiffContext, plans: Map<string, Plan>): Map<string, ColumnObj[]> {
  const recast = new Map<string, ColumnObj[]>();
  for (const [id, plan] of plans) {
    const from = supported(ctx.source.objects[id]);
    const to = supported(ctx.target.objects[id]);
    if (plan !== "alter" || !from || !to || !RECAST_KINDS.has(to.kind)) continue;
    if (!needsRecast(ctx, from, to)) continue;
    const columns = objectList(ctx.target).filter(
      (c): c is ColumnObj =>
        c.kind === "column" &&
        !c.inherited &&
        holdsValuesOf(c, to) &&
        ctx.source.objects[c.id]?.dependsOn.includes(id) === true &&
        !isRetyped(ctx.source.objects[c.id] as ColumnObj, c) &&
        plans.get(c.id) !== "recreate",
    );
    for (const column of columns) refuseKeyRecast(ctx, to, column);
    recast.set(id, columns);
  }
  return recast;
}

/** Whether a dependent must be rebuilt when a column it uses changes type. */
function breaksOnRetype(object: DbObject): boolean {
  return (
    object.kind === "view" ||
    object.kind === "materialized view" ||
    object.kind === "policy" ||
    object.kind === "rule" ||
    object.kind === "trigger" ||
    object.kind === "function" ||
    (object.kind === "column" && object.generated !== null)
  );
}

/**
 * A foreign key whose columns change type on both sides: PostgreSQL re-checks the key after each ALTER
 * COLUMN TYPE, and in between the two sides may have no common operator, so the key is rebuilt around them.
 */
function foreignKeyRetypedOnBothSides(
  ctx: DiffContext,
  object: DbObject,
  retyped: (id: string) => boolean,
): boolean {
  if (object.kind !== "constraint" || object.type !== "foreign key") return false;
  const tables = new Set<string>();
  for (const dep of object.dependsOn) {
    const column = ctx.source.objects[dep];
    if (column?.kind === "column" && retyped(dep)) tables.add(column.table);
  }
  return tables.size > 1;
}

/**
 * Objects that depend on something dropped, rebuilt or retyped are rebuilt too, until nothing changes.
 * Passes run in model order as a full scan would, but visit only objects one of whose dependencies changed
 * since they were last judged: every other object would be judged as before.
 */
function propagate(ctx: DiffContext, plans: Map<string, Plan>, recast: Map<string, ColumnObj[]>): void {
  const recastColumns = new Set([...recast.values()].flat().map((c) => c.id));
  const retyped = (id: string) => recastColumns.has(id) || retypedColumn(ctx, plans, id);
  const removed = (id: string) => {
    const plan = plans.get(id);
    return plan === "drop" || plan === "recreate" || recast.has(id);
  };
  const mustRebuild = (object: DbObject): boolean => {
    const current = plans.get(object.id);
    if (current === "drop" || current === "recreate" || !supported(ctx.target.objects[object.id]))
      return false;
    if (!supported(object) || object.kind === "table" || object.kind === "sequence") return false;
    return (
      sourceDependencies(ctx, object).some((dep) => {
        // An extension moves out of a schema that goes (SET SCHEMA, ordered before the drop).
        if (object.kind === "extension" && !ctx.target.objects[object.id]?.dependsOn.includes(dep))
          return false;
        if (removed(dep)) {
          // A column of a rebuilt table comes back with the table's CREATE.
          if (object.kind !== "column" || dep === object.table) return true;
          // A column is rebuilt (losing its values) only if it still needs the rebuilt object; a column that
          // moves off a dropped collation or type is altered before the drop instead, and a default that
          // calls a rebuilt function is unset and set again around it (defaultRebinds).
          const stillNeeded = ctx.target.objects[object.id]?.dependsOn.includes(dep) === true;
          const through = ctx.source.objects[dep]?.kind;
          const rebound = through === "function" && object.generated === null;
          return stillNeeded && !recast.has(dep) && through !== "sequence" && !rebound;
        }
        return retyped(dep) && breaksOnRetype(object);
      }) || foreignKeyRetypedOnBothSides(ctx, object, retyped)
    );
  };
  const objects = objectList(ctx.source);
  const dependents = dependentsIndex(ctx.source);
  // 1: judge in this pass, 2: in the next one (its changed dependency comes after it in model order).
  const queued = new Uint8Array(objects.length);
  const queueDependents = (id: string, from: number) => {
    for (const at of dependents.get(id) ?? []) queued[at] = at > from ? 1 : 2;
  };
  for (const id of new Set([...plans.keys(), ...recastColumns])) {
    if (removed(id) || retyped(id)) queueDependents(id, -1);
  }
  for (let pending = queued.includes(1); pending; ) {
    for (let at = 0; at < objects.length; at++) {
      if (queued[at] !== 1) continue;
      queued[at] = 0;
      const object = objects[at] as DbObject;
      if (!mustRebuild(object)) continue;
      plans.set(object.id, "recreate");
      queueDependents(object.id, at);
    }
    pending = false;
    for (let at = 0; at < objects.length; at++) {
      if (queued[at] === 2) {
        queued[at] = 1;
        pending = true;
      }
    }
  }
}

/** The table, partition parent, inheritance parents or parent trigger an object cannot exist without. */
function structuralParents(object: DbObject): string[] {
  switch (object.kind) {
    case "column":
    case "constraint":
    case "index":
    case "policy":
    case "rule":
    case "statistics":
      return [object.table];
    case "trigger":
      return object.parentTrigger ? [object.table, object.parentTrigger] : [object.table];
    case "table":
      return [...(object.partitionOf ? [object.partitionOf] : []), ...object.inherits];
    default:
      return [];
  }
}

// Per object of a model: both diffs, the propagation passes and the ordering ask for the same lists.
const dependencyLists = perModel(() => new WeakMap<DbObject, string[]>());

/** Dependencies with constraint-owned indexes read as their constraint. */
function dependencies(model: SchemaModel, object: DbObject): string[] {
  const lists = dependencyLists(model);
  let list = lists.get(object);
  if (!list) {
    list = resolvedDependencies(model, object);
    lists.set(object, list);
  }
  return list;
}

function resolvedDependencies(model: SchemaModel, object: DbObject): string[] {
  const out: string[] = [];
  const add = (dep: string) => {
    const target = model.objects[dep];
    const id = target?.kind === "index" && target.ownerConstraint ? target.ownerConstraint : dep;
    if (id !== object.id && !out.includes(id)) out.push(id);
  };
  for (const dep of object.dependsOn) add(dep);
  for (const dep of structuralParents(object)) add(dep);
  return out;
}

function sourceDependencies(ctx: DiffContext, object: DbObject): string[] {
  return dependencies(ctx.source, object);
}

/** Target dependencies, minus a sequence's owning column: ownership is its own step after both exist. */
function targetDependencies(ctx: DiffContext, object: DbObject): string[] {
  const deps = dependencies(ctx.target, object);
  return object.kind === "sequence" ? deps.filter((d) => d !== object.ownedBy) : deps;
}

interface NodeValue {
  change: Change;
}

type Nodes = Map<string, GraphNode<NodeValue>>;

const key = (
  action: ChangeAction | "own" | "disown" | "replident" | "attach" | "undefault" | "redefault",
  id: string,
) => `${action}|${id}`;

function order(
  ctx: DiffContext,
  plans: Map<string, Plan>,
  recast: Map<string, ColumnObj[]>,
  { detachedClones, joiningChecks, leaving, joining }: ParentChanges,
): Change[] {
  const nodes: Nodes = new Map();
  /** Node keys whose work another node's statements already do (columns of a new table, …). */
  const coveredBy = new Map<string, string>();
  const dropped = (id: string) => isRemoval(plans.get(id));
  const created = (id: string) => isBuild(plans.get(id));
  const rebinds = defaultRebinds(ctx, plans);
  /** Create nodes of typed tables' columns (which their type's statements add), with the type's node. */
  const typedColumns = new Map<string, string>();
  /** Create nodes of inherited columns that only set their own settings after the parent adds the column. */
  const ownSettings = new Set<string>();
  /** Columns a table must add before it joins the parent it gets them from (see joinsWithColumn). */
  const joinAdds: ColumnObj[] = [];

  const add = (
    action: ChangeAction,
    object: DbObject,
    statements: Statement[],
    rank: number,
    destructive = false,
  ) => {
    const change: Change = {
      objectId: object.id,
      kind: object.kind,
      action,
      summary: summarize(action, object),
      statements,
      destructive,
    };
    nodes.set(key(action, object.id), {
      key: key(action, object.id),
      rank,
      value: { change },
      after: new Set(),
    });
  };

  for (const [id, plan] of plans) {
    const from = supported(ctx.source.objects[id]);
    const to = supported(ctx.target.objects[id]);
    if ((plan === "drop" || plan === "recreate") && from) {
      const typeChange = plan === "drop" ? typedTableColumn(ctx.source, from, plans, dropped) : null;
      if (typeChange) {
        coveredBy.set(key("drop", id), key("alter", typeChange));
        add("drop", from, [], 200 - KIND_RANK[from.kind], isDestructive(from));
        continue;
      }
      const cover = dropCover(ctx, from, dropped);
      if (cover) coveredBy.set(key("drop", id), key("drop", cover));
      const statements = cover ? [] : generatorFor(from).drop(from, ctx);
      add(
        "drop",
        from,
        statements,
        plan === "recreate" ? 0 : 200 - KIND_RANK[from.kind],
        isDestructive(from) && !(from.kind === "sequence" && handedToIdentity(from, ctx)),
      );
    }
    if ((plan === "create" || plan === "recreate") && to) {
      // A column a table gets from its parent's new column may have settings of its own, set after it.
      const own =
        to.kind === "column" && to.inherited && !created(to.table) ? inheritedOwnSettings(ctx, to) : [];
      if (own.length) ownSettings.add(key("create", id));
      const typeChange = plan === "create" ? typedTableColumn(ctx.target, to, plans, created) : null;
      if (typeChange && to.kind === "column") {
        // The type's ADD ATTRIBUTE … CASCADE adds the column; its own settings come after.
        typedColumns.set(key("create", id), key("alter", typeChange));
        add("create", to, [...columnSettingsBeyond(to), ...columnExtras(to)], 10 + KIND_RANK[to.kind]);
        continue;
      }
      const joinAdd = to.kind === "column" && !created(to.table) && joinsWithColumn(ctx, to);
      if (joinAdd) joinAdds.push(to);
      const cover =
        to.kind === "column" && !own.length && !joinAdd && (created(to.table) || to.inherited)
          ? to.table
          : null;
      if (cover) coveredBy.set(key("create", id), key("create", cover));
      const statements = cover ? [] : own.length && !joinAdd ? own : generatorFor(to).create(to, ctx);
      add("create", to, statements, 10 + KIND_RANK[to.kind]);
    }
    if (plan === "alter" && from && to) {
      // A default that is set again after its functions change (see defaultRebinds) is left alone here.
      const altered =
        to.kind === "column" && rebinds.has(id) ? { ...to, default: (from as ColumnObj).default } : to;
      const statements =
        RECAST_KINDS.has(to.kind) && recast.has(id)
          ? typeRecast(ctx, from as RecastType, to as RecastType, recast.get(id) ?? [], rebinds)
          : (generatorFor(from).alter(from, altered, ctx) as Statement[]);
      // Recasting into an enum loses the values of the labels it no longer has (one that only reorders
      // them loses none); a composite loses those of its dropped attributes.
      const loses =
        (from.kind === "enum" &&
          to.kind === "enum" &&
          recast.has(id) &&
          from.labels.some((label) => !to.labels.includes(label))) ||
        (from.kind === "composite" &&
          to.kind === "composite" &&
          compositeLosesValues(ctx, from, to, recast.has(id)));
      add("alter", to, statements, 10 + KIND_RANK[to.kind], loses);
    }
  }
  addSequenceOwnership(ctx, plans, nodes);
  const released = addSequenceReleases(ctx, plans, nodes);
  const sourceDependents = dependentsIndex(ctx.source);
  const sourceObjects = objectList(ctx.source);
  addReplicaIdentity(ctx, plans, nodes);
  addPartitionAttachments(ctx, plans, nodes);
  addDefaultRebinds(ctx, rebinds, nodes);
  const droppedAfterLeaving = inheritedDropsAfterLeaving(ctx, plans);
  for (const id of droppedAfterLeaving) {
    const column = ctx.source.objects[id] as ColumnObj;
    nodes.get(key("drop", id))?.after.add(key("alter", column.table));
  }
  for (const column of joinAdds) {
    for (const joins of [key("alter", column.table), key("attach", column.table)]) {
      nodes.get(joins)?.after.add(key("create", column.id));
    }
  }
  addBuiltIndexSettings(ctx, plans, nodes, addPartitionIndexAttachments(ctx, plans, nodes));
  addInheritedValidations(ctx, plans, nodes);

  const aliases = inheritedAliases(ctx.target, plans);
  for (const [alias, target] of aliases) if (!ownSettings.has(alias)) coveredBy.set(alias, target);
  const resolve = (nodeKey: string) => coveredBy.get(nodeKey) ?? nodeKey;
  const edge = (before: string, after: string) => {
    const a = resolve(before);
    const b = resolve(after);
    if (a !== b && nodes.has(a) && nodes.has(b)) nodes.get(b)!.after.add(a);
  };
  for (const [column, typeChange] of typedColumns) edge(typeChange, column);
  for (const alias of ownSettings) {
    const parentCreate = aliases.get(alias);
    if (parentCreate) edge(parentCreate, alias);
  }

  for (const [id, plan] of plans) {
    const from = ctx.source.objects[id];
    const to = ctx.target.objects[id];
    if (plan === "recreate") edge(key("drop", id), key("create", id));
    if (to && (plan === "create" || plan === "recreate" || plan === "alter")) {
      const self = key(plan === "alter" ? "alter" : "create", id);
      // A table's INHERIT or ATTACH PARTITION needs its columns and constraints in place first; a table that
      // leaves its parents gets new ones once it has left.
      const parentsAfter =
        (to.kind === "column" || to.kind === "constraint") && !leaving.has(to.table)
          ? structuralParents(to)
          : [];
      for (const parent of parentsAfter) edge(self, key("alter", parent));
      // A partition leaving its parent does so before the parent is rebuilt; it joins the new one by ATTACH.
      const leftParent = to.kind === "table" && leaving.has(id) ? to.partitionOf : null;
      for (const dep of targetDependencies(ctx, to)) {
        if (dep === leftParent) continue;
        edge(key("create", dep), self);
        if (!parentsAfter.includes(dep) && !recast.get(dep)?.some((c) => c.id === id))
          edge(key("alter", dep), self);
      }
    }
    if (from && (plan === "drop" || plan === "recreate")) {
      for (const dep of sourceDependencies(ctx, from)) {
        edge(key("drop", id), key("drop", dep));
        // Rebuilt only once what it used is gone, so it cannot bind to it again: a view calling f() would
        // find the old f() beside a new overload, and a foreign key would pick the unique index being dropped.
        if (plan === "recreate" && dropped(dep)) edge(key("drop", dep), key("create", id));
        // Dependents go before the type they use is recast, or the column they read is retyped. A sequence
        // owned by a retyped column does not read it: the column drops its default first, then the sequence.
        const owner = from.kind === "sequence" && from.ownedBy === dep;
        if (recast.has(dep) || (retypedColumn(ctx, plans, dep) && !owner))
          edge(key("drop", id), key("alter", dep));
      }
    }
    if (from && plan === "alter") {
      // What used this object and goes away goes first: a primary key before its column's NOT NULL is dropped.
      for (const at of sourceDependents.get(id) ?? []) {
        const dependent = sourceObjects[at] as DbObject;
        if (dependent.kind === "sequence" && dependent.ownedBy === id) continue;
        // A sequence gives up its owner column (OWNED BY) before that column goes, whatever its default says.
        if (from.kind === "sequence" && from.ownedBy === dependent.id) continue;
        // A clone the table keeps as its own once it leaves its parents is changed after that.
        if (detachedClones.get(dependent.id) === id || droppedAfterLeaving.has(dependent.id)) continue;
        edge(key("drop", dependent.id), key("alter", id));
      }
      for (const dep of sourceDependencies(ctx, from)) {
        edge(key("alter", id), key("drop", dep));
        if (recast.has(dep) && !recast.get(dep)?.some((c) => c.id === id))
          edge(key("alter", id), key("alter", dep));
      }
    }
  }
  for (const [clone, table] of detachedClones) {
    for (const action of ["drop", "alter", "create"] as const) edge(key("alter", table), key(action, clone));
  }
  // A constraint the parent drops would take its clones along while the table is still attached; the table
  // leaves first, so it keeps them as its own, to keep, change or drop (above).
  for (const table of leaving) {
    const from = ctx.source.objects[table];
    if (from?.kind !== "table") continue;
    for (const parent of structuralParents(from)) {
      for (const id of plans.keys()) {
        const constraint = ctx.source.objects[id];
        if (constraint?.kind === "constraint" && constraint.table === parent && dropped(id))
          edge(key("alter", table), key("drop", id));
      }
    }
  }
  // A partition's trigger clone exists once the partition is attached.
  for (const [id, plan] of plans) {
    const clone = ctx.target.objects[id];
    if (clone?.kind === "trigger" && clone.parentTrigger && plan !== "drop")
      edge(key("attach", clone.table), key(plan === "alter" ? "alter" : "create", id));
  }
  for (const [check, table] of joiningChecks) {
    // A partition that moves to another parent leaves it in its alter and joins by ATTACH: the check goes between.
    const moves = leaving.has(table) && nodes.has(key("attach", table));
    for (const join of moves ? [key("attach", table)] : [key("alter", table), key("attach", table)])
      edge(key("create", check), join);
  }
  // What a joining table has of its own and its parents will give it (a key, an index) goes before it joins.
  for (const [id, plan] of plans) {
    const object = ctx.source.objects[id];
    if ((plan === "drop" || plan === "recreate") && object && "table" in object && joining.has(object.table))
      edge(key("drop", id), key("attach", object.table));
  }
  for (const [sequence, column] of released) {
    edge(key("disown", sequence), key("drop", column));
    edge(key("disown", sequence), key("own", sequence));
  }
  addSqlBodyEdges(ctx, plans, edge);
  addNameCollisionEdges(ctx, plans, edge);
  addForeignKeyBindingEdges(ctx, plans, edge);
  addPartitionCloneEdges(ctx, plans, edge, leaving);
  addPersistenceEdges(ctx, plans, edge);
  addBracketingEdges(ctx, plans, edge);
  // An index (or a key's index) that was attached to a parent's index survives until that index is dropped;
  // it is built again on its own after.
  const sourceKeyIndexes = modelLookup(ctx.source).constraintIndexes;
  for (const [id, plan] of plans) {
    const object = ctx.source.objects[id];
    const before = object?.kind === "constraint" ? sourceKeyIndexes.get(id) : object;
    const drop = plan === "create" && before?.kind === "index" ? parentIndexDrop(ctx.source, before) : null;
    if (drop) edge(drop, key("create", id));
  }
  for (const [before, after] of inheritanceEdges(ctx.source, ctx.target, plans, leaving)) edge(before, after);

  return topologicalOrder(nodes)
    .map((n) => n.change)
    .filter((c) => c.statements.length > 0 || c.action !== "alter");
}

/** For each object id, the places in `objectList` of the objects that depend on it (by `dependencies`). */
const dependentsIndex = perModel((model): Map<string, number[]> => {
  const index = new Map<string, number[]>();
  const objects = objectList(model);
  for (let at = 0; at < objects.length; at++) {
    for (const dep of dependencies(model, objects[at] as DbObject)) {
      const list = index.get(dep);
      if (list) list.push(at);
      else index.set(dep, [at]);
    }
  }
  return index;
});

function retypedColumn(ctx: DiffContext, plans: Map<string, Plan>, id: string): boolean {
  const from = ctx.source.objects[id];
  const to = ctx.target.objects[id];
  return plans.get(id) === "alter" && from?.kind === "column" && to?.kind === "column" && isRetyped(from, to);
}

/**
 * For a column of a typed table that stays (not `rebuilt`) while its composite type is altered: the type's
 * id, whose attribute statements (with CASCADE) add or drop the column.
 */
function typedTableColumn(
  model: SchemaModel,
  object: DbObject,
  plans: Map<string, Plan>,
  rebuilt: (id: string) => boolean,
): string | null {
  if (object.kind !== "column" || rebuilt(object.table)) return null;
  const table = model.objects[object.table];
  const type = table?.kind === "table" ? table.ofType : null;
  return type && plans.get(type) === "alter" ? type : null;
}

/** The node whose statement also removes this object (its table, or the column owning a sequence). */
function dropCover(ctx: DiffContext, object: Supported, dropped: (id: string) => boolean): string | null {
  if ("table" in object && dropped(object.table) && !referencesOtherDroppedTable(ctx, object, dropped)) {
    return object.table;
  }
  if (object.kind === "column" && object.inherited) {
    const parent = parentColumn(ctx.source, object);
    if (parent && dropped(parent.id)) return parent.id;
  }
  if (object.kind === "sequence" && object.ownedBy) {
    const column = ctx.source.objects[object.ownedBy] as ColumnObj | undefined;
    if (column && dropped(column.table)) return column.table;
    if (dropped(object.ownedBy)) return object.ownedBy;
  }
  return null;
}

/**
 * A foreign key between two tables that are both dropped: if each table's DROP also removed its keys, each
 * drop would wait for the other (a cycle when the keys point both ways), so such a key is dropped on its own
 * first.
 */
function referencesOtherDroppedTable(
  ctx: DiffContext,
  object: Supported,
  dropped: (id: string) => boolean,
): boolean {
  if (object.kind !== "constraint" || object.type !== "foreign key") return false;
  return sourceDependencies(ctx, object).some((dep) => {
    const target = ctx.source.objects[dep];
    const table = target && "table" in target ? target.table : dep;
    return table !== object.table && dropped(table);
  });
}

function isDestructive(object: DbObject): boolean {
  // A generated column's values are computed again from the columns it reads, and a materialized view's
  // rows from its query (a rebuilt one is filled by its CREATE): refusing them would teach people to pass
  // --allow-destructive for every plan that touches a column a materialized view reads.
  if (object.kind === "column" && object.generated !== null) return false;
  return ["table", "column", "schema", "sequence"].includes(object.kind);
}

/** A type rebuilt by needsRecast: build the new type beside the old, recast every column, drop the old. */
function typeRecast(
  ctx: DiffContext,
  from: RecastType,
  to: RecastType,
  columns: ColumnObj[],
  rebinds: Map<string, string[]>,
): Statement[] {
  const oldName = asideName(to.name);
  const oldSql = `${quoteIdent(to.schema)}.${quoteIdent(oldName)}`;
  const what = to.kind === "collation" ? "COLLATION" : "TYPE";
  const out: Statement[] = [
    stmt(`ALTER ${what} ${from.sqlName} RENAME TO ${quoteIdent(oldName)}`),
    ...(to.kind === "enum" ? enumCreate(to) : generatorFor(to).create(to, ctx)),
  ];
  if (to.kind === "collation") {
    // Same type, same values: the column only moves to the new collation (its indexes are rebuilt with it).
    for (const column of columns) {
      out.push(
        stmt(
          `ALTER TABLE ${column.tableSql} ALTER COLUMN ${quoteIdent(column.name)} TYPE ${column.type} COLLATE ${column.collation}`,
        ),
      );
    }
    out.push(stmt(`DROP COLLATION ${oldSql}`));
    return out;
  }
  for (const column of columns) {
    const array = column.type.endsWith("[]") ? "[]" : "";
    const alter = `ALTER TABLE ${column.tableSql} ALTER COLUMN ${quoteIdent(column.name)}`;
    const using =
      from.kind === "composite" && to.kind === "composite" && !sameAttributeNames(from, to)
        ? byAttributeName(from, to, column)
        : `${quoteIdent(column.name)}::text${array}::${column.type}`;
    // The old default (which the target may no longer have) is of the old type and cannot be cast.
    const before = ctx.source.objects[column.id];
    const oldDefault = before?.kind === "column" ? before.default : null;
    if (column.default !== null || oldDefault !== null) out.push(stmt(`${alter} DROP DEFAULT`));
    out.push(stmt(`${alter} TYPE ${column.type} USING ${using}`));
    // A default that calls a rebuilt function is set once the function is back (defaultRebinds).
    if (column.default !== null && !rebinds.has(column.id))
      out.push(stmt(`${alter} SET DEFAULT ${column.default}`));
  }
  out.push(stmt(`DROP TYPE ${oldSql}`));
  return out;
}

/**
 * A stored composite carried into a rebuilt type whose attributes moved, were added or dropped: each kept
 * attribute by name (through text when its type changes), new ones NULL; a NULL value stays NULL.
 */
function byAttributeName(from: CompositeObj, to: CompositeObj, column: ColumnObj): string {
  const value = quoteIdent(column.name);
  const fields = to.attributes.map((a) => {
    const before = from.attributes.find((b) => b.name === a.name);
    if (!before) return `NULL::${a.type}`;
    const field = `(${value}).${quoteIdent(a.name)}`;
    return before.type === a.type ? field : `${field}::text::${a.type}`;
  });
  return `CASE WHEN ${value}::text IS NULL THEN NULL ELSE ROW(${fields.join(", ")})::${column.type} END`;
}

/** The settings of an inherited column beyond its parent's new column, set once the parent has added it. */
function inheritedOwnSettings(ctx: DiffContext, column: ColumnObj): Statement[] {
  const parent = parentColumn(ctx.target, column);
  return parent && !ctx.source.objects[parent.id] ? inheritedColumnSettings(parent, column) : [];
}

/**
 * A sequence that stays while the column owning it is dropped and created again (its table rebuilt) would
 * go with it: it gives up its owner first (OWNED BY NONE), and takes the new column in its ownership step.
 * Returns each released sequence with the column it is released from.
 */
function addSequenceReleases(ctx: DiffContext, plans: Map<string, Plan>, nodes: Nodes): Map<string, string> {
  const released = new Map<string, string>();
  for (const object of objectList(ctx.source)) {
    if (object.kind !== "sequence" || !object.ownedBy || plans.get(object.id) === "drop") continue;
    const after = ctx.target.objects[object.id];
    if (after?.kind !== "sequence" || !after.ownedBy || plans.get(object.id) === "recreate") continue;
    if (!isRemoval(plans.get(object.ownedBy))) continue;
    const change: Change = {
      objectId: object.id,
      kind: "sequence owner",
      action: "alter",
      summary: `sequence ${object.sqlName} owned by none while ${object.ownedBySql} is rebuilt`,
      statements: [sequenceOwnership({ ...object, ownedBySql: null })],
      destructive: false,
    };
    const nodeKey = key("disown", object.id);
    nodes.set(nodeKey, {
      key: nodeKey,
      rank: KIND_RANK["sequence owner"],
      value: { change },
      after: new Set(),
    });
    released.set(object.id, object.ownedBy);
  }
  return released;
}

/** ALTER SEQUENCE … OWNED BY once both the sequence and its new owner column exist. */
function addSequenceOwnership(ctx: DiffContext, plans: Map<string, Plan>, nodes: Nodes): void {
  for (const object of objectList(ctx.target)) {
    if (object.kind !== "sequence" || !object.ownedBy) continue;
    const before = ctx.source.objects[object.id] as SequenceObj | undefined;
    const rebuilt = isBuild(plans.get(object.id));
    const ownerRebuilt = isBuild(plans.get(object.ownedBy));
    if (!rebuilt && !ownerRebuilt && before?.ownedBy === object.ownedBy) continue;
    const column = ctx.target.objects[object.ownedBy] as ColumnObj | undefined;
    // A new sequence for a column that already holds values (an identity made serial again) starts past them.
    const holdsValues =
      rebuilt && !ownerRebuilt && column !== undefined && ctx.source.objects[column.id]?.kind === "column";
    const change: Change = {
      objectId: object.id,
      kind: "sequence owner",
      action: "alter",
      summary: `sequence ${object.sqlName} owned by ${object.ownedBySql}`,
      statements: [
        sequenceOwnership(object),
        ...(holdsValues ? [sequencePastValues(object.sqlName, column, object.increment)] : []),
      ],
      destructive: false,
    };
    const after = new Set([key("create", object.id), key("alter", object.id), key("create", object.ownedBy)]);
    after.add(key("alter", object.ownedBy));
    if (column) after.add(key("create", column.table));
    nodes.set(key("own", object.id), {
      key: key("own", object.id),
      rank: 10 + KIND_RANK["sequence owner"],
      value: { change },
      after,
    });
  }
}

/**
 * ATTACH PARTITION for an existing table that joins a partitioned table or changes its bound, as a node
 * of its own: a bound may only be claimed once the siblings that held it are detached or dropped, and the
 * same wait applies to new partitions, so bounds can move between partitions in either direction.
 */
function addPartitionAttachments(ctx: DiffContext, plans: Map<string, Plan>, nodes: Nodes): void {
  const leaving = new Map<string, string[]>();
  for (const [id, plan] of plans) {
    const from = ctx.source.objects[id];
    const to = ctx.target.objects[id];
    if (from?.kind !== "table" || !from.partitionOf) continue;
    const detached =
      plan === "drop" ||
      plan === "recreate" ||
      (plan === "alter" && to?.kind === "table" && movesPartition(from, to, ctx));
    if (!detached) continue;
    const step = plan === "alter" ? key("alter", id) : key("drop", id);
    leaving.set(from.partitionOf, [...(leaving.get(from.partitionOf) ?? []), step]);
  }
  // Every partition of the target: one that only joins a parent has nothing else to alter, so no plan.
  for (const to of objectList(ctx.target)) {
    if (to.kind !== "table" || !to.partitionOf) continue;
    const id = to.id;
    const plan = plans.get(id);
    const from = ctx.source.objects[id];
    const siblingsGone = (leaving.get(to.partitionOf) ?? []).filter((step) => !step.endsWith(`|${id}`));
    if (plan === "create" || plan === "recreate") {
      for (const step of siblingsGone) nodes.get(key("create", id))?.after.add(step);
      continue;
    }
    if (from?.kind !== "table" || !attachesPartition(from, to, ctx)) continue;
    const change: Change = {
      objectId: id,
      kind: "table",
      action: "alter",
      summary: `attach partition ${to.sqlName} to ${to.partitionOfSql}`,
      statements: [attachPartition(to)],
      destructive: false,
    };
    nodes.set(key("attach", id), {
      key: key("attach", id),
      rank: 10 + KIND_RANK.table,
      value: { change },
      after: new Set(
        [
          key("alter", id),
          key("create", to.partitionOf),
          key("alter", to.partitionOf),
          ...siblingsGone,
          // Its columns take their new types while it stands alone (a rebuilt parent's key column).
          ...to.columns.map((column) => key("alter", column)),
        ].filter((step) => nodes.has(step)),
      ),
    });
  }
}

/**
 * Columns whose default calls a function that is dropped (or rebuilt), or will call a new function while
 * another of its name is dropped, with the drops the new default must wait for. Such a default is unset
 * before the old functions go and set only after they are gone and the new ones exist: earlier, `f()`
 * would be ambiguous beside an f that gained a defaulted parameter, or bind to the old f.
 */
function defaultRebinds(ctx: DiffContext, plans: Map<string, Plan>): Map<string, string[]> {
  const droppedFunctions = new Map<string, string[]>();
  for (const [id, plan] of plans) {
    const fn = ctx.source.objects[id];
    if ((plan !== "drop" && plan !== "recreate") || fn?.kind !== "function") continue;
    const name = `${fn.schema}.${fn.name}`;
    droppedFunctions.set(name, [...(droppedFunctions.get(name) ?? []), id]);
  }
  const rebinds = new Map<string, string[]>();
  if (droppedFunctions.size === 0) return rebinds;
  for (const id of [...droppedFunctions.values()].flat()) {
    for (const at of dependentsIndex(ctx.source).get(id) ?? []) {
      const column = objectList(ctx.source)[at];
      if (column?.kind === "column" && column.default !== null)
        addRebind(ctx, plans, rebinds, column.id, [id]);
    }
  }
  for (const object of objectList(ctx.target)) {
    if (object.kind !== "column" || object.default === null) continue;
    for (const dep of object.dependsOn) {
      const fn = ctx.target.objects[dep];
      const plan = plans.get(dep);
      if (fn?.kind !== "function" || (plan !== "create" && plan !== "recreate")) continue;
      const overloads = (droppedFunctions.get(`${fn.schema}.${fn.name}`) ?? []).filter((d) => d !== dep);
      if (overloads.length) addRebind(ctx, plans, rebinds, object.id, overloads);
    }
  }
  return rebinds;
}

function addRebind(
  ctx: DiffContext,
  plans: Map<string, Plan>,
  rebinds: Map<string, string[]>,
  columnId: string,
  drops: string[],
): void {
  const from = ctx.source.objects[columnId];
  const to = ctx.target.objects[columnId];
  const plan = plans.get(columnId);
  if (from?.kind !== "column" || to?.kind !== "column" || (plan && plan !== "alter")) return;
  if (from.generated !== null || to.generated !== null) return;
  rebinds.set(columnId, [...new Set([...(rebinds.get(columnId) ?? []), ...drops])]);
}

/** DROP DEFAULT before the functions a default calls are dropped; SET DEFAULT once they are gone. */
function addDefaultRebinds(ctx: DiffContext, rebinds: Map<string, string[]>, nodes: Nodes): void {
  for (const [id, functions] of rebinds) {
    const to = ctx.target.objects[id] as ColumnObj;
    const column = `ALTER TABLE ${to.tableSql} ALTER COLUMN ${quoteIdent(to.name)}`;
    const node = (nodeKey: string, verb: string, sql: string, after: string[]) => {
      const change: Change = {
        objectId: id,
        kind: "column",
        action: "alter",
        summary: `${verb} default of column ${to.sqlName}`,
        statements: [stmt(sql)],
        destructive: false,
      };
      nodes.set(nodeKey, {
        key: nodeKey,
        rank: 10 + KIND_RANK.column,
        value: { change },
        after: new Set(after),
      });
    };
    if ((ctx.source.objects[id] as ColumnObj).default !== null) {
      node(key("undefault", id), "unset", `${column} DROP DEFAULT`, [key("alter", id)]);
      for (const fn of functions) nodes.get(key("drop", fn))?.after.add(key("undefault", id));
    }
    if (to.default === null) continue;
    const after = [key("alter", id), key("undefault", id), ...functions.map((fn) => key("drop", fn))];
    for (const dep of to.dependsOn) after.push(key("create", dep), key("alter", dep));
    node(key("redefault", id), "set", `${column} SET DEFAULT ${to.default}`, after);
  }
}

/**
 * CLUSTER ON and comments of the indexes a key constraint or a partitioned table's index builds: set once
 * the index exists, again when what builds it is rebuilt.
 */
function addBuiltIndexSettings(
  ctx: DiffContext,
  plans: Map<string, Plan>,
  nodes: Nodes,
  builtBy: Map<string, string>,
): void {
  const built = (id: string | null) => id !== null && isBuild(plans.get(id));
  const builtIndexes = new Map<string, string[]>();
  for (const id of plans.keys()) {
    const index = ctx.target.objects[id];
    if (built(id) && index?.kind === "index")
      builtIndexes.set(index.table, [...(builtIndexes.get(index.table) ?? []), id]);
  }
  for (const to of objectList(ctx.target)) {
    if (to.kind !== "index" || (!to.parentIndex && !to.ownerConstraint) || plans.has(to.id)) continue;
    const table = ctx.target.objects[to.table];
    const parent = table?.kind === "table" ? table.partitionOf : null;
    const parentIndexes = parent ? (builtIndexes.get(parent) ?? []) : [];
    const before = ctx.source.objects[to.id];
    const rebuilt =
      built(to.ownerConstraint) || built(to.table) || parentIndexes.length > 0 || builtBy.has(to.id);
    const statements = indexSettings(before?.kind === "index" && !rebuilt ? before : null, to, ctx);
    if (statements.length === 0) continue;
    const change: Change = {
      objectId: to.id,
      kind: "index",
      action: "alter",
      summary: summarize("alter", to),
      statements,
      destructive: false,
    };
    const after = [to.ownerConstraint, to.table].flatMap((id) =>
      id ? [key("create", id), key("alter", id)] : [],
    );
    after.push(
      key("attach", to.table),
      builtBy.get(to.id) ?? "",
      ...parentIndexes.map((id) => key("create", id)),
    );
    nodes.set(key("alter", to.id), {
      key: key("alter", to.id),
      rank: 10 + KIND_RANK.index,
      value: { change },
      after: new Set(after),
    });
  }
}

/**
 * The indexes of partitions that a new partitioned index gets, built as pg_dump builds them: the parent's
 * index is created ON ONLY its table, then each partition's index is created (or kept, when the partition
 * has it already) and attached, level by level. A cascading CREATE INDEX would give each partition an index
 * PostgreSQL names, or pick one of several equal ones, rather than the one the target has. The statements
 * join the parent's create, since the index is valid, and usable by a foreign key, only once all are attached.
 * Returns, for each partition's index built so, the node that builds it.
 */
function addPartitionIndexAttachments(
  ctx: DiffContext,
  plans: Map<string, Plan>,
  nodes: Nodes,
): Map<string, string> {
  const builtBy = new Map<string, string>();
  const removed = (id: string) => isRemoval(plans.get(id));
  const children = attachedIndexes(ctx.target);
  if (children.size === 0) return builtBy;
  const constraintIndexes = modelLookup(ctx.target).constraintIndexes;
  for (const [id, plan] of plans) {
    const root = nodes.get(key("create", id));
    // A key's partitioned index is its constraint's; the key was added ONLY to its table (keyOnlyOnParent).
    const indexId = constraintIndexes.get(id)?.id ?? id;
    if ((plan !== "create" && plan !== "recreate") || !root || !children.has(indexId)) continue;
    const statements = root.value.change.statements;
    const queue = [indexId];
    for (let parentId = queue.shift(); parentId !== undefined; parentId = queue.shift()) {
      const parent = ctx.target.objects[parentId] as IndexObj;
      for (const child of children.get(parentId) ?? []) {
        // The partition exists first, or creating it would clone the new index onto it under its own name.
        root.after.add(key("create", child.table)).add(key("attach", child.table));
        const before = ctx.source.objects[child.id];
        const standalone =
          before?.kind === "index" &&
          before.table === child.table &&
          before.parentIndex === null &&
          before.ownerConstraint === null &&
          !removed(child.table);
        const kept = standalone && before.definition === child.definition;
        if (standalone && !kept) {
          // The partition's own index of that name, defined otherwise, gives way to the one the target attaches.
          const drop: Change = {
            objectId: child.id,
            kind: "index",
            action: "drop",
            summary: summarize("drop", before),
            statements: [stmt(`DROP INDEX ${before.sqlName}`)],
            destructive: false,
          };
          const dropKey = key("drop", child.id);
          nodes.set(dropKey, {
            key: dropKey,
            rank: 200 - KIND_RANK.index,
            value: { change: drop },
            after: new Set(),
          });
          root.after.add(dropKey);
        }
        // An index of that name elsewhere in the source goes first: with its key, or with the index it was attached to.
        if (before?.kind === "index") {
          if (before.ownerConstraint) root.after.add(key("drop", before.ownerConstraint));
          root.after.add(parentIndexDrop(ctx.source, before) ?? "");
        }
        const childKey = child.ownerConstraint ? ctx.target.objects[child.ownerConstraint] : undefined;
        if (childKey?.kind === "constraint" && childKey.inherited) {
          // A partition's key that joins the parent's: its own, kept (adoptedKey), or added to it alone.
          if (removed(child.table) || !adoptedKey(ctx.source.objects[childKey.id], childKey))
            statements.push(addConstraint(childKey, ctx));
        } else if (child.ownerConstraint) {
          // A key of the partition's own is built by its constraint, whether the source has it or the plan adds it.
          root.after.add(key("create", child.ownerConstraint));
        } else if (!kept) statements.push(stmt(child.definition));
        statements.push(stmt(`ALTER INDEX ${parent.sqlName} ATTACH PARTITION ${child.sqlName}`));
        builtBy.set(child.id, root.key);
        queue.push(child.id);
      }
    }
  }
  // A partition's own index (or key) that the target attaches to a partitioned index both already have.
  for (const list of children.values()) {
    for (const child of list) {
      const before = ctx.source.objects[child.id];
      const parent = ctx.target.objects[child.parentIndex ?? ""];
      if (builtBy.has(child.id) || parent?.kind !== "index" || before?.kind !== "index") continue;
      if (before.parentIndex !== null || before.definition !== child.definition) continue;
      if (removed(child.table) || removed(parent.ownerConstraint ?? parent.id)) continue;
      const childKey = child.ownerConstraint ? ctx.target.objects[child.ownerConstraint] : undefined;
      const statements = [stmt(`ALTER INDEX ${parent.sqlName} ATTACH PARTITION ${child.sqlName}`)];
      if (child.ownerConstraint && childKey?.kind !== "constraint") continue;
      if (childKey?.kind === "constraint" && !adoptedKey(ctx.source.objects[childKey.id], childKey)) {
        // The index becomes the key first, as the target made it.
        const adopt = before.ownerConstraint ? null : keyUsingIndex(childKey, child.name);
        if (!adopt || ctx.source.objects[childKey.id]) continue;
        statements.unshift(adopt);
      }
      const change: Change = {
        objectId: child.id,
        kind: "index",
        action: "alter",
        summary: `attach index ${child.sqlName} to ${parent.sqlName}`,
        statements,
        destructive: false,
      };
      const attachKey = key("attach", child.id);
      nodes.set(attachKey, {
        key: attachKey,
        rank: 10 + KIND_RANK.index,
        value: { change },
        after: new Set(),
      });
      builtBy.set(child.id, attachKey);
    }
  }
  return builtBy;
}

/**
 * A CHECK added NOT VALID to a parent is NOT VALID on the partitions and children it has then, while those
 * created later get it validated, and pg_dump prints such copies apart. Copies the target has validated under
 * a parent whose check is not are validated one by one, once the parent's check and the table exist.
 */
function addInheritedValidations(ctx: DiffContext, plans: Map<string, Plan>, nodes: Nodes): void {
  const built = (id: string) => isBuild(plans.get(id));
  const copies = objectList(ctx.target).filter(
    (o): o is ConstraintObj => o.kind === "constraint" && o.type === "check" && o.inherited && o.validated,
  );
  if (copies.length === 0) return;
  // The checks not validated, by table and name: where a copy's parent holds its check.
  const notValidated = new Map<string, ConstraintObj>();
  for (const o of objectList(ctx.target)) {
    if (o.kind === "constraint" && o.type === "check" && !o.validated)
      notValidated.set(`${o.table}\u0000${o.name}`, o);
  }
  for (const to of copies) {
    const table = ctx.target.objects[to.table];
    if (table?.kind !== "table") continue;
    const parentChecks = structuralParents(table).flatMap((parent) => {
      const check = notValidated.get(`${parent}\u0000${to.name}`);
      return check ? [check.id] : [];
    });
    const before = ctx.source.objects[to.id];
    const kept = before?.kind === "constraint" && before.validated && !built(to.table);
    if (parentChecks.length === 0 || (kept && !parentChecks.some(built))) continue;
    const change: Change = {
      objectId: to.id,
      kind: "constraint",
      action: "alter",
      summary: `validate ${to.name} on ${to.tableSql}`,
      statements: [stmt(`ALTER TABLE ${to.tableSql} VALIDATE CONSTRAINT ${quoteIdent(to.name)}`)],
      destructive: false,
    };
    const after = [to.table, ...parentChecks].flatMap((id) => [key("create", id), key("alter", id)]);
    nodes.set(key("alter", to.id), {
      key: key("alter", to.id),
      rank: 10 + KIND_RANK.constraint,
      value: { change },
      after: new Set([...after, key("attach", to.table)]),
    });
  }
}

/** REPLICA IDENTITY USING INDEX once the index exists. */
function addReplicaIdentity(ctx: DiffContext, plans: Map<string, Plan>, nodes: Nodes): void {
  for (const object of objectList(ctx.target)) {
    if (object.kind !== "table" || object.replicaIdentity !== "index" || !object.replicaIndex) continue;
    const before = ctx.source.objects[object.id] as TableObj | undefined;
    const index = objectList(ctx.target).find(
      (o) => o.kind === "index" && o.table === object.id && o.name === object.replicaIndex,
    );
    const indexKey = index?.kind === "index" ? (index.ownerConstraint ?? index.id) : "";
    const rebuilt = isBuild(plans.get(object.id));
    const indexRebuilt = isBuild(plans.get(indexKey));
    if (
      !rebuilt &&
      !indexRebuilt &&
      before?.replicaIdentity === "index" &&
      before.replicaIndex === object.replicaIndex
    ) {
      continue;
    }
    const change: Change = {
      objectId: object.id,
      kind: "replica identity",
      action: "alter",
      summary: `replica identity of ${object.sqlName} using index ${object.replicaIndex}`,
      statements: [replicaIdentity(object)],
      destructive: false,
    };
    nodes.set(key("replident", object.id), {
      key: key("replident", object.id),
      rank: 10 + KIND_RANK["replica identity"],
      value: { change },
      after: new Set([key("create", object.id), key("alter", object.id), key("create", indexKey)]),
    });
  }
}

/**
 * A foreign key binds to the first unique index PostgreSQL finds on the referenced columns, and an index
 * about to be dropped is as good as any: so a new key waits for the drop of every primary key, unique
 * constraint and unique index on the tables it references, or that drop fails on the key it gained.
 */
function addForeignKeyBindingEdges(
  ctx: DiffContext,
  plans: Map<string, Plan>,
  edge: (before: string, after: string) => void,
): void {
  const droppedKeys = droppedByTable(
    ctx,
    plans,
    (object, plan) =>
      (plan === "drop" || plan === "recreate") &&
      ((object.kind === "constraint" && (object.type === "primary key" || object.type === "unique")) ||
        (object.kind === "index" && object.definition.startsWith("CREATE UNIQUE INDEX"))),
  );
  if (droppedKeys.size === 0) return;
  for (const [id, plan] of plans) {
    const fk = ctx.target.objects[id];
    if ((plan !== "create" && plan !== "recreate") || fk?.kind !== "constraint" || fk.type !== "foreign key")
      continue;
    for (const table of foreignKeyTables(ctx.target, fk)) {
      for (const dropped of droppedKeys.get(table) ?? []) edge(key("drop", dropped), key("create", id));
    }
  }
}

/**
 * A partition carries clones of its parent's indexes and keys, and of the foreign keys that reference its
 * parent; the model leaves them out, since the parent's objects make them. PostgreSQL drops a clone with the
 * object that made it only while the partition is attached, and will not drop a partition a referencing
 * key's clone still depends on. So when a partition is dropped or detached (to move it, or to give it a
 * new bound), the parent's dropped indexes and keys, and the dropped foreign keys referencing the parent,
 * go first; a new foreign key referencing the parent comes after its partitions are dropped.
 */
function addPartitionCloneEdges(
  ctx: DiffContext,
  plans: Map<string, Plan>,
  edge: (before: string, after: string) => void,
  leaving: Set<string>,
): void {
  const removed = (id: string) => isRemoval(plans.get(id));
  const partitions = new Map<string, string[]>();
  for (const object of objectList(ctx.source)) {
    if (object.kind !== "table" || !object.partitionOf) continue;
    partitions.set(object.partitionOf, [...(partitions.get(object.partitionOf) ?? []), object.id]);
  }
  if (partitions.size === 0) return;
  // The step in which a partition of `table` (at any depth) is dropped or detached.
  const leavingSteps = (table: string): string[] =>
    (partitions.get(table) ?? []).flatMap((id) => {
      const from = ctx.source.objects[id] as TableObj;
      const to = ctx.target.objects[id];
      const plan = plans.get(id);
      const moves = plan === "alter" && to?.kind === "table" && movesPartition(from, to, ctx);
      // A table leaving every parent keeps its clones as its own (see parents.ts).
      const own = removed(id) ? [key("drop", id)] : moves && !leaving.has(id) ? [key("alter", id)] : [];
      return [...own, ...leavingSteps(id)];
    });
  for (const [id, plan] of plans) {
    const object = ctx.source.objects[id];
    if ((plan !== "drop" && plan !== "recreate") || !object) continue;
    const parents =
      object.kind === "index" || (object.kind === "constraint" && object.type !== "foreign key")
        ? [object.table]
        : object.kind === "constraint"
          ? [...foreignKeyTables(ctx.source, object)].filter((table) => table !== object.table)
          : [];
    // A dropped parent takes its partitions' clones with it.
    for (const parent of parents.filter((table) => !removed(table))) {
      for (const step of leavingSteps(parent)) edge(key("drop", id), step);
    }
  }
  // A new foreign key would clone itself onto a partition of the table it references that is to be dropped.
  for (const [id, plan] of plans) {
    const fk = ctx.target.objects[id];
    if ((plan !== "create" && plan !== "recreate") || fk?.kind !== "constraint" || fk.type !== "foreign key")
      continue;
    for (const table of foreignKeyTables(ctx.target, fk)) {
      if (table === fk.table || removed(table)) continue;
      for (const step of leavingSteps(table)) if (step.startsWith("drop|")) edge(step, key("create", id));
    }
  }
}

/** The ids of the source's table objects that `select` picks by their plan, by table id. */
function droppedByTable(
  ctx: DiffContext,
  plans: Map<string, Plan>,
  select: (object: DbObject, plan: Plan) => boolean,
): Map<string, string[]> {
  const byTable = new Map<string, string[]>();
  for (const [id, plan] of plans) {
    const object = ctx.source.objects[id];
    if (!object || !("table" in object) || !select(object, plan)) continue;
    byTable.set(object.table, [...(byTable.get(object.table) ?? []), id]);
  }
  return byTable;
}

/**
 * A routine with a SQL-standard body is parsed when created, and INSERT … ON CONFLICT DO UPDATE in it then
 * depends on every column its table has (the EXCLUDED row): so it is created after the columns dropped
 * from the tables it uses are gone, or it would hold them.
 */
function addSqlBodyEdges(
  ctx: DiffContext,
  plans: Map<string, Plan>,
  edge: (before: string, after: string) => void,
): void {
  const droppedColumns = droppedByTable(
    ctx,
    plans,
    (object, plan) => plan === "drop" && object.kind === "column",
  );
  if (droppedColumns.size === 0) return;
  for (const [id, plan] of plans) {
    const routine = ctx.target.objects[id];
    if ((plan !== "create" && plan !== "recreate") || routine?.kind !== "function") continue;
    if (!/\n(BEGIN ATOMIC|RETURN )/.test(routine.definition)) continue;
    const tables = new Set(
      routine.dependsOn.map((dep) => {
        const used = ctx.target.objects[dep];
        return used?.kind === "column" ? used.table : dep;
      }),
    );
    for (const table of tables)
      for (const column of droppedColumns.get(table) ?? []) edge(key("drop", column), key("create", id));
  }
}

/**
 * Objects that act on others as they are created: default privileges (grants for each new object) and event
 * triggers (they fire on DDL, drops included). Those the plan drops, and event triggers it disables, go
 * before everything else it does; those it creates or alters otherwise go after. So each new object gets
 * exactly the target's privileges, and no event trigger fires for the plan's own statements.
 */
function addBracketingEdges(
  ctx: DiffContext,
  plans: Map<string, Plan>,
  edge: (before: string, after: string) => void,
): void {
  const bracketing = new Map(
    [...plans].filter(([id]) => {
      const kind = (ctx.source.objects[id] ?? ctx.target.objects[id])?.kind;
      return kind === "default privileges" || kind === "event trigger";
    }),
  );
  if (bracketing.size === 0) return;
  for (const id of plans.keys()) {
    if (bracketing.has(id)) continue;
    for (const [other, otherPlan] of bracketing) {
      const before = ctx.source.objects[other];
      const after = ctx.target.objects[other];
      // An event trigger fires on drops too; default privileges only touch what is created.
      const actions = (after ?? before)?.kind === "event trigger" ? BRACKETED_EVENT_TRIGGER : BRACKETED_RULE;
      // An event trigger the plan disables stops firing first, like one it drops.
      const silenced = otherPlan === "alter" && firesInSessions(before) && !firesInSessions(after);
      for (const action of actions) {
        if (otherPlan !== "create") edge(key("drop", other), key(action, id));
        if (otherPlan === "create" || otherPlan === "recreate") edge(key(action, id), key("create", other));
        if (otherPlan === "alter" && silenced) edge(key("alter", other), key(action, id));
        if (otherPlan === "alter" && !silenced) edge(key(action, id), key("alter", other));
      }
    }
  }
}

const BRACKETED_RULE = ["create", "alter"] as const;
const BRACKETED_EVENT_TRIGGER = ["create", "alter", "drop"] as const;

/** An event trigger enabled for ordinary sessions (not disabled, not ENABLE REPLICA only). */
function firesInSessions(object: DbObject | undefined): boolean {
  return object?.kind === "event trigger" && (object.enabled === "O" || object.enabled === "A");
}

/**
 * A logged table cannot reference an unlogged one: SET LOGGED waits for the tables a table references to
 * be logged, and SET UNLOGGED for the tables referencing it to be unlogged or their keys to be dropped.
 */
function addPersistenceEdges(
  ctx: DiffContext,
  plans: Map<string, Plan>,
  edge: (before: string, after: string) => void,
): void {
  const change = (id: string): "logged" | "unlogged" | null => {
    const from = ctx.source.objects[id];
    const to = ctx.target.objects[id];
    if (plans.get(id) !== "alter" || from?.kind !== "table" || to?.kind !== "table") return null;
    if (from.unlogged === to.unlogged) return null;
    return to.unlogged ? "unlogged" : "logged";
  };
  let any = false;
  for (const id of plans.keys()) if (change(id)) any = true;
  if (!any) return;
  for (const model of [ctx.source, ctx.target]) {
    for (const fk of objectList(model)) {
      if (fk.kind !== "constraint" || fk.type !== "foreign key") continue;
      const referencing = fk.table;
      const plan = plans.get(fk.id);
      for (const referenced of foreignKeyTables(model, fk)) {
        if (referenced === referencing) continue;
        if (change(referenced) === "logged") {
          if (change(referencing) === "logged") edge(key("alter", referenced), key("alter", referencing));
          if (model === ctx.target && (plan === "create" || plan === "recreate"))
            edge(key("alter", referenced), key("create", fk.id));
        }
        if (change(referenced) === "unlogged") {
          if (change(referencing) === "unlogged") edge(key("alter", referencing), key("alter", referenced));
          if (model === ctx.source && (plan === "drop" || plan === "recreate"))
            edge(key("drop", fk.id), key("alter", referenced));
        }
      }
    }
  }
}

/**
 * Relations and types share one namespace per schema (a table has a row type of its name), so a dropped
 * object must be gone before a different object takes its name; likewise a table's primary key.
 */
function addNameCollisionEdges(
  ctx: DiffContext,
  plans: Map<string, Plan>,
  edge: (before: string, after: string) => void,
): void {
  const nameKey = (id: string) => id.replace(/^(rel|type):/, "");
  const drops = new Map<string, string[]>();
  for (const [id, plan] of plans) {
    if ((plan === "drop" || plan === "recreate") && /^(rel|type):/.test(id)) {
      const list = drops.get(nameKey(id)) ?? [];
      list.push(id);
      drops.set(nameKey(id), list);
    }
  }
  // A table has one primary key: a new one is added after the old one (whatever its name) is dropped.
  for (const [id, plan] of plans) {
    const created = ctx.target.objects[id];
    if ((plan !== "create" && plan !== "recreate") || created?.kind !== "constraint") continue;
    if (created.type !== "primary key") continue;
    for (const [other, otherPlan] of plans) {
      const dropped = ctx.source.objects[other];
      if ((otherPlan === "drop" || otherPlan === "recreate") && dropped?.kind === "constraint") {
        if (dropped.type === "primary key" && dropped.table === created.table)
          edge(`drop|${other}`, `create|${id}`);
      }
    }
  }
  for (const [id, plan] of plans) {
    if ((plan !== "create" && plan !== "recreate") || !/^(rel|type):/.test(id)) continue;
    for (const other of drops.get(nameKey(id)) ?? []) {
      if (other !== id && ctx.target.objects[id]) edge(`drop|${other}`, `create|${id}`);
    }
  }
  // A key constraint names its index after itself, so it takes that relation name too: a plain index of
  // that name goes first (or ADD CONSTRAINT … USING INDEX adopts it), and a constraint dropped before a
  // plain index takes its name back.
  const owned = {
    source: modelLookup(ctx.source).constraintIndexes,
    target: modelLookup(ctx.target).constraintIndexes,
  };
  for (const [id, plan] of plans) {
    const target = ctx.target.objects[id];
    const source = ctx.source.objects[id];
    if ((plan === "create" || plan === "recreate") && target?.kind === "constraint") {
      const index = owned.target.get(id)?.id;
      for (const other of index ? (drops.get(nameKey(index)) ?? []) : [])
        edge(`drop|${other}`, `create|${id}`);
    }
    if ((plan === "drop" || plan === "recreate") && source?.kind === "constraint") {
      const index = owned.source.get(id)?.id;
      if (index && (plans.get(index) === "create" || plans.get(index) === "recreate"))
        edge(`drop|${id}`, `create|${index}`);
    }
  }
}

function summarize(action: ChangeAction, object: DbObject): string {
  const verb = action === "create" ? "create" : action === "drop" ? "drop" : "alter";
  return `${verb} ${object.kind} ${object.sqlName}`;
}
