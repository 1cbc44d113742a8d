import type { Constraint } from "libpg-query";
import type {
  CollationObj,
  ColumnObj,
  ConstraintObj,
  DbObject,
  FunctionObj,
  SchemaModel,
  TableStats,
} from "../../catalog/model.js";
import { quoteIdent } from "../../db/quote.js";
import { collationRebuilt } from "../../diff/sql/namespaces.js";
import { notNullCheckColumn, type RelationRef, relationOf } from "../../lint/nodes.js";
import type { FunctionName, Volatility } from "../../lint/volatility.js";
import { statementTrees } from "./parse.js";

/** The parts of a SchemaModel the annotator reads. */
export type ModelParts = Pick<SchemaModel, "objects" | "stats" | "binaryCoercible">;

/** Objects of one model grouped the way the annotator looks them up. */
class ModelIndex {
  readonly columns = new Map<string, Map<string, ColumnObj>>();
  readonly constraints = new Map<string, ConstraintObj[]>();
  readonly tablesByName = new Map<string, string>();
  readonly names = new Set<string>();
  readonly policyTables = new Set<string>();
  readonly functions: FunctionObj[] = [];
  /** By name as columns write it (`public.ci`). */
  readonly collations = new Map<string, CollationObj>();

  private constructor(readonly model: ModelParts) {
    for (const object of Object.values(model.objects)) this.add(object);
  }

  private static readonly built = new WeakMap<ModelParts, ModelIndex>();

  /** One index per model: a plan's annotation and its runbook read the same models several times. */
  static of(model: ModelParts): ModelIndex {
    let index = ModelIndex.built.get(model);
    if (!index) {
      index = new ModelIndex(model);
      ModelIndex.built.set(model, index);
    }
    return index;
  }

  private add(object: DbObject): void {
    if ("schema" in object && "name" in object)
      this.names.add(`${object.kind}:${object.schema}.${object.name}`);
    if (object.kind === "table") this.tablesByName.set(`${object.schema}.${object.name}`, object.id);
    if (object.kind === "schema") this.names.add(`schema:${object.name}`);
    if (object.kind === "policy") this.policyTables.add(object.table);
    if (object.kind === "function") this.functions.push(object);
    if (object.kind === "collation") this.collations.set(object.sqlName, object);
    if (object.kind === "column") {
      const columns = this.columns.get(object.table) ?? new Map<string, ColumnObj>();
      columns.set(object.name, object);
      this.columns.set(object.table, columns);
    }
    if (object.kind === "constraint") {
      const constraints = this.constraints.get(object.table) ?? [];
      constraints.push(object);
      this.constraints.set(object.table, constraints);
    }
  }
}

const parsed = new WeakMap<ConstraintObj, Constraint | null>();

/** A model constraint as the parser sees it, so its parts are read from a tree, not from text. */
function parsedConstraint(constraint: ConstraintObj): Constraint | undefined {
  if (!parsed.has(constraint)) parsed.set(constraint, parseConstraint(constraint) ?? null);
  return parsed.get(constraint) ?? undefined;
}

function parseConstraint(constraint: ConstraintObj): Constraint | undefined {
  const sql = `ALTER TABLE ${constraint.tableSql} ADD CONSTRAINT ${quoteIdent(constraint.name)} ${constraint.definition}`;
  const tree = statementTrees(sql, `constraint ${constraint.name} on ${constraint.tableSql}`)[0];
  const command = tree && "AlterTableStmt" in tree ? tree.AlterTableStmt.cmds?.[0] : undefined;
  const def = command && "AlterTableCmd" in command ? command.AlterTableCmd.def : undefined;
  return def && "Constraint" in def ? def.Constraint : undefined;
}

const VOLATILITY: Record<string, Volatility> = { immutable: "i", stable: "s", volatile: "v" };

/** pg_proc.provolatile as pg_get_functiondef() states it: IMMUTABLE or STABLE, and nothing for VOLATILE. */
function functionVolatility(fn: FunctionObj): Volatility {
  const tree = statementTrees(fn.definition, `function ${fn.sqlName}`)[0];
  const options = tree && "CreateFunctionStmt" in tree ? (tree.CreateFunctionStmt.options ?? []) : [];
  for (const node of options) {
    const arg = "DefElem" in node && node.DefElem.defname === "volatility" ? node.DefElem.arg : undefined;
    if (arg && "String" in arg) return VOLATILITY[arg.String.sval ?? ""] ?? "v";
  }
  return "v";
}

/**
 * Catalog facts from the source model (the database before the plan) and the target model (after it):
 * table sizes, columns, constraints, policies, binary-coercible casts. Everything the annotator decides
 * beyond the parse tree comes from here, so it reflects what PostgreSQL reported, not what SQL text says.
 */
export class ModelFacts {
  private readonly source: ModelIndex;
  private readonly target: ModelIndex;
  readonly binaryCoercible: ReadonlySet<string>;

  constructor(source: ModelParts, target: ModelParts) {
    this.source = ModelIndex.of(source);
    this.target = ModelIndex.of(target);
    this.binaryCoercible = new Set(source.binaryCoercible);
  }

  stats(tableId: string): TableStats | undefined {
    return this.source.model.stats[tableId];
  }

  /** Whether the table is partitioned in the source: an index ON ONLY it builds nothing. */
  partitioned(tableId: string | null): boolean {
    const table = tableId === null ? undefined : this.source.model.objects[tableId];
    return table?.kind === "table" && table.partitionKey !== null;
  }

  sourceColumn(tableId: string | null, column: string): ColumnObj | undefined {
    return tableId === null ? undefined : this.source.columns.get(tableId)?.get(column);
  }

  /** The column as the target model has it, on the table that has this name after the plan. */
  targetColumn(table: { schema: string; name: string }, column: string): ColumnObj | undefined {
    const tableId = this.target.tablesByName.get(`${table.schema}.${table.name}`);
    return tableId === undefined ? undefined : this.target.columns.get(tableId)?.get(column);
  }

  /** Whether the target model has a relation (table, view, …) or schema by this name. */
  targetHas(kind: DbObject["kind"], schema: string, name?: string): boolean {
    return this.target.names.has(name === undefined ? `${kind}:${schema}` : `${kind}:${schema}.${name}`);
  }

  sourceHas(kind: DbObject["kind"], schema: string, name?: string): boolean {
    return this.source.names.has(name === undefined ? `${kind}:${schema}` : `${kind}:${schema}.${name}`);
  }

  /** The volatility of a function the plan's SQL calls, when either model defines it (most volatile overload). */
  volatility(fn: FunctionName): Volatility | undefined {
    const rank = (volatility: Volatility) => Object.values(VOLATILITY).indexOf(volatility);
    const matches = [...this.target.functions, ...this.source.functions].filter(
      (candidate) =>
        candidate.name === fn.name && (fn.schema === undefined || candidate.schema === fn.schema),
    );
    return matches
      .map(functionVolatility)
      .reduce<Volatility | undefined>(
        (worst, v) => (worst === undefined || rank(v) > rank(worst) ? v : worst),
        undefined,
      );
  }

  /** Whether a collation keeps its name but sorts differently after the plan (it is rebuilt). */
  collationRebuilt(name: string): boolean {
    const before = this.source.collations.get(name);
    const after = this.target.collations.get(name);
    return before !== undefined && after !== undefined && collationRebuilt(before, after);
  }

  hasPolicy(tableId: string | null): boolean {
    return tableId !== null && this.source.policyTables.has(tableId);
  }

  /** Columns with a validated CHECK (col IS NOT NULL), which lets SET NOT NULL skip its scan. */
  notNullChecks(tableId: string | null): Set<string> {
    const checks = tableId === null ? [] : (this.source.constraints.get(tableId) ?? []);
    return new Set(
      checks
        .filter((check) => check.type === "check" && check.validated)
        .flatMap((check) => {
          const column = notNullCheckColumn(parsedConstraint(check)?.raw_expr);
          return column === undefined ? [] : [column];
        }),
    );
  }

  /** The column a source constraint checks for NOT NULL, for a NOT VALID check the plan validates. */
  notNullCheckOf(tableId: string | null, name: string): string | undefined {
    const check = this.sourceConstraint(tableId, name);
    return check?.type === "check" ? notNullCheckColumn(parsedConstraint(check)?.raw_expr) : undefined;
  }

  /** The table a source foreign key references. */
  referencedBy(tableId: string | null, name: string): RelationRef | undefined {
    const key = this.sourceConstraint(tableId, name);
    const pktable = key?.type === "foreign key" ? parsedConstraint(key)?.pktable : undefined;
    return pktable ? relationOf(pktable) : undefined;
  }

  /**
   * Tables tied to this one by a foreign key in either direction: dropping the table drops those keys,
   * which locks the other table too.
   */
  foreignKeyNeighbours(tableId: string | null): RelationRef[] {
    if (tableId === null) return [];
    this.neighbours ??= this.foreignKeyNeighbourIndex();
    return this.neighbours.get(tableId) ?? [];
  }

  private neighbours: Map<string, RelationRef[]> | undefined;

  /** Every source table → the tables its foreign keys reference and the tables whose keys reference it. */
  private foreignKeyNeighbourIndex(): Map<string, RelationRef[]> {
    const index = new Map<string, RelationRef[]>();
    const add = (tableId: string, neighbour: RelationRef) => {
      const neighbours = index.get(tableId) ?? [];
      neighbours.push(neighbour);
      index.set(tableId, neighbours);
    };
    const objects = this.source.model.objects;
    for (const [owner, constraints] of this.source.constraints) {
      const ownerTable = objects[owner];
      if (ownerTable?.kind !== "table") continue;
      for (const key of constraints.filter((constraint) => constraint.type === "foreign key")) {
        // The referenced table as pg_depend has it: the table of a column the key uses that is not its own
        // (none: the key references its own table). Parsing 1,000 keys' definitions cost 0.1 s a plan.
        const referencedId =
          key.dependsOn
            .map((dep) => objects[dep])
            .find((dep): dep is ColumnObj => dep?.kind === "column" && dep.table !== owner)?.table ?? owner;
        const referenced = objects[referencedId];
        if (referenced?.kind !== "table") continue;
        add(owner, { schema: referenced.schema, name: referenced.name });
        if (referencedId !== owner) add(referencedId, { schema: ownerTable.schema, name: ownerTable.name });
      }
    }
    return index;
  }

  /** Source tables with a column of this domain: ALTER DOMAIN checks all of them. */
  tablesUsingType(typeSql: string): RelationRef[] {
    const tables = new Map<string, RelationRef>();
    for (const [tableId, columns] of this.source.columns) {
      const table = this.source.model.objects[tableId];
      if (table?.kind !== "table") continue;
      if ([...columns.values()].some((column) => column.type === typeSql)) {
        tables.set(tableId, { schema: table.schema, name: table.name });
      }
    }
    return [...tables.values()];
  }

  private sourceConstraint(tableId: string | null, name: string): ConstraintObj | undefined {
    if (tableId === null) return undefined;
    return this.source.constraints.get(tableId)?.find((constraint) => constraint.name === name);
  }
}
