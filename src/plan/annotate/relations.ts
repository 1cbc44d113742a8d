import type { SchemaModel } from "../../catalog/model.js";
import { qualify } from "../../db/quote.js";
import type { RelationRef } from "../../lint/nodes.js";

export type RelationKind = "table" | "view" | "materialized view" | "sequence" | "index";

/** A relation as the plan sees it at one point: where it came from and what it is called now. */
export interface TrackedRelation {
  kind: RelationKind;
  schema: string;
  name: string;
  /** Others may be using it: it existed before the plan (or is assumed to, see PlanRelations.assuming). */
  existing: boolean;
  /** Its id in the source model, when it existed there; stats and columns are looked up by this id. */
  sourceId: string | null;
  /** For an index: the qualified name of its table. */
  table: string | null;
}

export function displayName(relation: { schema: string; name: string }): string {
  return qualify(relation.schema, relation.name);
}

// Statements from the diff always name the schema; a bare name is resolved like PostgreSQL's default
// search_path would for the relations this plan knows about.
const DEFAULT_SCHEMA = "public";

/**
 * The relations of the database while the plan runs: those of the source model, then whatever the steps
 * create, drop, rename or move to another schema. Locks on relations created by the plan itself are
 * harmless (nobody else uses them yet), so every lock is checked against this map.
 */
export class PlanRelations {
  private readonly byName = new Map<string, TrackedRelation>();

  private constructor(private readonly assumeUnknownExist: boolean) {}

  /** The relations of a model; anything else a statement names was created by the plan. */
  static of(model: Pick<SchemaModel, "objects">): PlanRelations {
    const relations = new PlanRelations(false);
    relations.load(model);
    return relations;
  }

  /**
   * For describing one step without the rest of its plan: relations the model does not know about are
   * assumed to exist, so no lock goes unnamed.
   */
  static assuming(model: Pick<SchemaModel, "objects">): PlanRelations {
    const relations = new PlanRelations(true);
    relations.load(model);
    return relations;
  }

  private load(model: Pick<SchemaModel, "objects">): void {
    for (const object of Object.values(model.objects)) {
      if (
        object.kind === "table" ||
        object.kind === "view" ||
        object.kind === "materialized view" ||
        object.kind === "sequence"
      ) {
        this.put({
          kind: object.kind,
          schema: object.schema,
          name: object.name,
          existing: true,
          sourceId: object.id,
          table: null,
        });
      }
    }
    for (const object of Object.values(model.objects)) {
      if (object.kind !== "index") continue;
      const table = model.objects[object.table];
      const tableName = table?.kind === "table" ? displayName(table) : null;
      this.put({
        kind: "index",
        schema: object.schema,
        name: object.name,
        existing: true,
        sourceId: object.id,
        table: tableName,
      });
    }
  }

  private put(relation: TrackedRelation): void {
    this.byName.set(displayName(relation), relation);
  }

  /** The relation a statement names; undefined when nothing by that name exists at this point of the plan. */
  find(ref: RelationRef, kind: RelationKind = "table"): TrackedRelation | undefined {
    const found =
      ref.schema === undefined
        ? (this.byName.get(qualify(DEFAULT_SCHEMA, ref.name)) ??
          [...this.byName.values()].find((relation) => relation.name === ref.name))
        : this.byName.get(qualify(ref.schema, ref.name));
    if (found || !this.assumeUnknownExist) return found;
    const assumed: TrackedRelation = {
      kind,
      schema: ref.schema ?? DEFAULT_SCHEMA,
      name: ref.name,
      existing: true,
      sourceId: null,
      table: null,
    };
    this.put(assumed);
    return assumed;
  }

  /** The table an index belongs to, when the plan knows it. */
  tableOf(index: TrackedRelation): TrackedRelation | undefined {
    return index.table === null ? undefined : this.byName.get(index.table);
  }

  created(ref: RelationRef, kind: RelationKind, table: TrackedRelation | null = null): void {
    this.put({
      kind,
      schema: ref.schema ?? table?.schema ?? DEFAULT_SCHEMA,
      name: ref.name,
      existing: false,
      sourceId: null,
      table: table ? displayName(table) : null,
    });
  }

  dropped(relation: TrackedRelation): void {
    const name = displayName(relation);
    this.byName.delete(name);
    for (const [key, other] of this.byName) if (other.table === name) this.byName.delete(key);
  }

  /** RENAME or SET SCHEMA: the same relation (same data, same users) under a new name. */
  moved(relation: TrackedRelation, to: { schema: string; name: string }): void {
    const from = displayName(relation);
    this.byName.delete(from);
    const moved = { ...relation, schema: to.schema, name: to.name };
    this.put(moved);
    const now = displayName(moved);
    // A table's indexes follow it, into its new schema too.
    for (const [key, index] of [...this.byName]) {
      if (index.table !== from) continue;
      this.byName.delete(key);
      this.put({ ...index, schema: to.schema, table: now });
    }
  }
}
