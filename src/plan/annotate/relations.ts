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

/** The relations of one model by qualified name, built once and shared by every PlanRelations over it. */
export class RelationCatalog {
  readonly byName = new Map<string, TrackedRelation>();
  /** Qualified table name → qualified names of its indexes. */
  readonly indexesByTable = new Map<string, string[]>();

  private static readonly built = new WeakMap<Pick<SchemaModel, "objects">, RelationCatalog>();

  /** One catalog per model: a plan's annotation and its runbook read the same models several times. */
  static of(model: Pick<SchemaModel, "objects">): RelationCatalog {
    let catalog = RelationCatalog.built.get(model);
    if (!catalog) {
      catalog = new RelationCatalog(model);
      RelationCatalog.built.set(model, catalog);
    }
    return catalog;
  }

  private constructor(model: Pick<SchemaModel, "objects">) {
    for (const object of Object.values(model.objects)) {
      if (
        object.kind === "table" ||
        object.kind === "view" ||
        object.kind === "materialized view" ||
        object.kind === "sequence"
      ) {
        this.byName.set(displayName(object), {
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
      const name = displayName(object);
      this.byName.set(name, {
        kind: "index",
        schema: object.schema,
        name: object.name,
        existing: true,
        sourceId: object.id,
        table: tableName,
      });
      if (tableName !== null) {
        const indexes = this.indexesByTable.get(tableName) ?? [];
        indexes.push(name);
        this.indexesByTable.set(tableName, indexes);
      }
    }
  }
}

/**
 * The relations of the database while the plan runs: those of the source model, then whatever the steps
 * create, drop, rename or move to another schema. Locks on relations created by the plan itself are
 * harmless (nobody else uses them yet), so every lock is checked against this map. Changes are kept apart
 * from the shared catalog, so starting one costs nothing however large the schema is.
 */
export class PlanRelations {
  private readonly changed = new Map<string, TrackedRelation>();
  private readonly gone = new Set<string>();

  private constructor(
    private readonly catalog: RelationCatalog,
    private readonly assumeUnknownExist: boolean,
  ) {}

  /** The relations of a model; anything else a statement names was created by the plan. */
  static of(catalog: RelationCatalog): PlanRelations {
    return new PlanRelations(catalog, false);
  }

  /**
   * For describing one step without the rest of its plan: relations the model does not know about are
   * assumed to exist, so no lock goes unnamed.
   */
  static assuming(catalog: RelationCatalog): PlanRelations {
    return new PlanRelations(catalog, true);
  }

  private get(name: string): TrackedRelation | undefined {
    const changed = this.changed.get(name);
    if (changed || this.gone.has(name)) return changed;
    return this.catalog.byName.get(name);
  }

  private put(relation: TrackedRelation): void {
    const name = displayName(relation);
    this.changed.set(name, relation);
    this.gone.delete(name);
  }

  private remove(name: string): void {
    this.changed.delete(name);
    this.gone.add(name);
  }

  /** Qualified names of the indexes that belong to a table at this point of the plan. */
  private indexesOf(table: string): string[] {
    const names = new Set(this.catalog.indexesByTable.get(table) ?? []);
    for (const [name, relation] of this.changed) if (relation.table === table) names.add(name);
    return [...names].filter((name) => this.get(name)?.table === table);
  }

  /** The relation a statement names; undefined when nothing by that name exists at this point of the plan. */
  find(ref: RelationRef, kind: RelationKind = "table"): TrackedRelation | undefined {
    const found =
      ref.schema === undefined
        ? (this.get(qualify(DEFAULT_SCHEMA, ref.name)) ?? this.findAnywhere(ref.name))
        : this.get(qualify(ref.schema, ref.name));
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

  private findAnywhere(name: string): TrackedRelation | undefined {
    for (const relation of this.changed.values()) if (relation.name === name) return relation;
    for (const [key, relation] of this.catalog.byName) {
      if (relation.name === name && !this.gone.has(key) && !this.changed.has(key)) return relation;
    }
    return undefined;
  }

  /** The table an index belongs to, when the plan knows it. */
  tableOf(index: TrackedRelation): TrackedRelation | undefined {
    return index.table === null ? undefined : this.get(index.table);
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
    for (const index of this.indexesOf(name)) this.remove(index);
    this.remove(name);
  }

  /** RENAME or SET SCHEMA: the same relation (same data, same users) under a new name. */
  moved(relation: TrackedRelation, to: { schema: string; name: string }): void {
    const from = displayName(relation);
    const indexes = this.indexesOf(from);
    this.remove(from);
    const moved = { ...relation, schema: to.schema, name: to.name };
    this.put(moved);
    const now = displayName(moved);
    // A table's indexes follow it, into its new schema too.
    for (const key of indexes) {
      const index = this.get(key);
      if (!index) continue;
      this.remove(key);
      this.put({ ...index, schema: to.schema, table: now });
    }
  }
}
