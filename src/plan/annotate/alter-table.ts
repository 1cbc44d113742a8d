import type { AlterTableCmd, AlterTableStmt, AlterTableType, ColumnDef, Constraint, Node } from "libpg-query";
import type { HazardCode } from "../../lint/hazards.js";
import { columnRefName, constraintsOf, nameParts, notNullCheckColumn, relationOf } from "../../lint/nodes.js";
import { isSerial } from "../../lint/rules/column-types.js";
import { builtinVolatility, defaultVolatility, type VolatilityLookup } from "../../lint/volatility.js";
import type { LockLevel } from "../step.js";
import { isExisting, longerWork, type StatementContext, type Work } from "./context.js";
import { displayName, type TrackedRelation } from "./relations.js";
import { typeChangeRewrites } from "./type-change.js";

/**
 * ALTER TABLE, subcommand by subcommand: the lock each takes (PostgreSQL's AlterTableGetLockLevel), what it
 * does to the table while holding it, and the hazards catalog facts show.
 */

// Subcommands that only change planning or maintenance settings: reads and writes go on.
const SHARE_UPDATE_EXCLUSIVE = new Set<AlterTableType>([
  "AT_SetStatistics",
  "AT_SetOptions",
  "AT_ResetOptions",
  "AT_ClusterOn",
  "AT_DropCluster",
  "AT_DetachPartitionFinalize",
]);

// Subcommands that only affect writes (triggers fire on writes).
const SHARE_ROW_EXCLUSIVE = new Set<AlterTableType>([
  "AT_EnableTrig",
  "AT_EnableAlwaysTrig",
  "AT_EnableReplicaTrig",
  "AT_EnableTrigAll",
  "AT_EnableTrigUser",
  "AT_DisableTrig",
  "AT_DisableTrigAll",
  "AT_DisableTrigUser",
]);

const DISABLE_TRIGGERS = new Set<AlterTableType>([
  "AT_DisableTrig",
  "AT_DisableTrigAll",
  "AT_DisableTrigUser",
]);

// Storage parameters whose change is visible to queries; all others take SHARE UPDATE EXCLUSIVE.
const VISIBLE_OPTIONS = new Set([
  "user_catalog_table",
  "check_option",
  "security_barrier",
  "security_invoker",
]);

interface AlterTarget {
  relation: TrackedRelation | undefined;
  /** The relation existed before the plan, so its rows and users matter. */
  existing: boolean;
  /** ONLY a partitioned table: a key added so builds nothing; its partitions' keys are added apart. */
  onlyPartitioned: boolean;
}

export function alterTable(stmt: AlterTableStmt, ctx: StatementContext): void {
  if (!stmt.relation) return;
  const kind = stmt.objtype === "OBJECT_INDEX" ? "index" : stmt.objtype === "OBJECT_VIEW" ? "view" : "table";
  const relation = ctx.state.relations.find(relationOf(stmt.relation), kind);
  const target = {
    relation,
    existing: isExisting(relation),
    onlyPartitioned: stmt.relation.inh !== true && ctx.facts.partitioned(relation?.sourceId ?? null),
  };
  for (const node of stmt.cmds ?? []) {
    if ("AlterTableCmd" in node) alterCommand(target, node.AlterTableCmd, ctx);
  }
}

function alterCommand(target: AlterTarget, cmd: AlterTableCmd, ctx: StatementContext): void {
  const { relation, existing } = target;
  const lock = (level: LockLevel, work: Work = "brief") => ctx.lock(relation, level, work);
  const hazardIfExisting = (code: HazardCode) => existing && ctx.hazard(code);
  const subtype = cmd.subtype;
  const def = cmd.def;
  if (subtype === undefined) return;
  if (SHARE_UPDATE_EXCLUSIVE.has(subtype)) {
    lock("SHARE UPDATE EXCLUSIVE");
    return;
  }
  if (SHARE_ROW_EXCLUSIVE.has(subtype)) {
    lock("SHARE ROW EXCLUSIVE");
    if (DISABLE_TRIGGERS.has(subtype)) hazardIfExisting("MM607");
    return;
  }
  switch (subtype) {
    case "AT_AddColumn":
      if (def && "ColumnDef" in def) addColumn(target, def.ColumnDef, ctx);
      return;
    case "AT_AlterColumnType":
      if (def && "ColumnDef" in def) alterColumnType(target, cmd.name ?? "", def.ColumnDef, ctx);
      return;
    case "AT_SetNotNull":
      setNotNull(target, cmd.name ?? "", ctx);
      return;
    case "AT_DropNotNull":
      lock("ACCESS EXCLUSIVE");
      hazardIfExisting("MM107");
      return;
    case "AT_DropColumn":
      lock("ACCESS EXCLUSIVE");
      if (ctx.facts.sourceColumn(relation?.sourceId ?? null, cmd.name ?? "")) ctx.hazard("MM301");
      return;
    case "AT_AddConstraint":
      if (def && "Constraint" in def) addConstraint(target, def.Constraint, ctx);
      return;
    case "AT_ValidateConstraint":
      validateConstraint(target, cmd.name ?? "", ctx);
      return;
    case "AT_DropConstraint":
      dropConstraint(target, cmd.name ?? "", ctx);
      return;
    case "AT_SetLogged":
    case "AT_SetUnLogged":
      lock("ACCESS EXCLUSIVE", "rewrite");
      hazardIfExisting("MM108");
      return;
    case "AT_SetTableSpace":
    case "AT_SetAccessMethod":
      lock("ACCESS EXCLUSIVE", "rewrite");
      hazardIfExisting("MM109");
      return;
    case "AT_SetRelOptions":
    case "AT_ResetRelOptions":
      lock(changesVisibleOption(relation, def) ? "ACCESS EXCLUSIVE" : "SHARE UPDATE EXCLUSIVE");
      return;
    case "AT_EnableRowSecurity":
    case "AT_ForceRowSecurity":
      lock("ACCESS EXCLUSIVE");
      if (
        relation &&
        !ctx.facts.hasPolicy(relation.sourceId) &&
        !ctx.state.hasPolicy(displayName(relation))
      ) {
        hazardIfExisting("MM608");
      }
      return;
    case "AT_AttachPartition":
      lock("SHARE UPDATE EXCLUSIVE");
      if (relation?.kind === "index") {
        // ALTER INDEX … ATTACH PARTITION changes only the catalog, but holds ACCESS EXCLUSIVE on the
        // partition's index, which every query planned on that partition waits for.
        if (def && "PartitionCmd" in def && def.PartitionCmd.name) {
          const index = ctx.state.relations.find(relationOf(def.PartitionCmd.name), "index");
          ctx.lock((index && ctx.state.relations.tableOf(index)) ?? index, "ACCESS EXCLUSIVE");
        }
        return;
      }
      // The parent keeps serving queries; the partition is locked and scanned for rows outside its bound.
      if (def && "PartitionCmd" in def && def.PartitionCmd.name) {
        ctx.lock(ctx.state.relations.find(relationOf(def.PartitionCmd.name)), "ACCESS EXCLUSIVE", "scan");
      }
      return;
    case "AT_DetachPartition": {
      const concurrent = def !== undefined && "PartitionCmd" in def && def.PartitionCmd.concurrent === true;
      lock(concurrent ? "SHARE UPDATE EXCLUSIVE" : "ACCESS EXCLUSIVE");
      if (!concurrent) hazardIfExisting("MM213");
      else if (ctx.inTransactionBlock) ctx.hazard("MM003");
      return;
    }
    default:
      lock("ACCESS EXCLUSIVE");
  }
}

function changesVisibleOption(relation: TrackedRelation | undefined, def: Node | undefined): boolean {
  if (relation?.kind === "view") return true;
  const options = def && "List" in def ? (def.List.items ?? []) : [];
  return options.some((node) => "DefElem" in node && VISIBLE_OPTIONS.has(node.DefElem.defname ?? ""));
}

function addColumn(target: AlterTarget, column: ColumnDef, ctx: StatementContext): void {
  const { relation, existing } = target;
  const constraints = constraintsOf(column);
  const has = (type: Constraint["contype"]) => constraints.some((constraint) => constraint.contype === type);
  const written = constraints.find((constraint) => constraint.contype === "CONSTR_DEFAULT")?.raw_expr;
  // DEFAULT NULL is no default at all.
  const defaultExpr = written && "A_Const" in written && written.A_Const.isnull ? undefined : written;
  const storedGenerated = constraints.some(
    (constraint) => constraint.contype === "CONSTR_GENERATED" && constraint.generated_kind === "s",
  );
  let work: Work = "brief";
  const codes: HazardCode[] = [];
  const note = (needs: Work, code: HazardCode) => {
    work = longerWork(work, needs);
    codes.push(code);
  };
  if (isSerial(column.typeName) || has("CONSTR_IDENTITY")) note("rewrite", "MM103");
  else if (storedGenerated) note("rewrite", "MM104");
  else if (defaultExpr && volatileDefault(relation, column.colname ?? "", defaultExpr, ctx))
    note("rewrite", "MM102");
  else if (!defaultExpr && (has("CONSTR_NOTNULL") || has("CONSTR_PRIMARY"))) note("brief", "MM101");

  for (const constraint of constraints) {
    if (constraint.contype === "CONSTR_FOREIGN") {
      if (constraint.pktable) {
        ctx.lock(ctx.state.relations.find(relationOf(constraint.pktable)), "SHARE ROW EXCLUSIVE", "scan");
      }
      note("scan", "MM204");
    } else if (constraint.contype === "CONSTR_CHECK") note("scan", "MM205");
    else if (constraint.contype === "CONSTR_UNIQUE") note("index build", "MM207");
    else if (constraint.contype === "CONSTR_PRIMARY") note("index build", "MM208");
  }
  ctx.lock(relation, "ACCESS EXCLUSIVE", work);
  if (existing) for (const code of codes) ctx.hazard(code);
}

/**
 * A volatile default makes ADD COLUMN write a value into every row. Two catalog facts decide: the target
 * model's column (pg_proc.provolatile of every function its default calls) and the volatility of each
 * function the written default calls, from the models' function definitions or the built-in list. A
 * function neither knows counts as volatile unless the target column says otherwise.
 */
function volatileDefault(
  relation: TrackedRelation | undefined,
  column: string,
  expression: Node,
  ctx: StatementContext,
): boolean {
  const modelled = relation ? ctx.facts.targetColumn(relation, column) : undefined;
  const lookup: VolatilityLookup = (fn) => ctx.facts.volatility(fn) ?? builtinVolatility(fn);
  const { volatility } = defaultVolatility(expression, lookup);
  if (modelled?.defaultVolatile || volatility === "v") return true;
  return volatility === "unknown" && (modelled === undefined || modelled.default === null);
}

/** USING that only reads the column (optionally cast) lets PostgreSQL decide from the types alone. */
function plainUsing(expression: Node | undefined, column: string): boolean {
  if (!expression) return true;
  if ("TypeCast" in expression) return columnRefName(expression.TypeCast.arg) === column;
  return columnRefName(expression) === column;
}

function alterColumnType(target: AlterTarget, column: string, def: ColumnDef, ctx: StatementContext): void {
  const { relation, existing } = target;
  const from = ctx.facts.sourceColumn(relation?.sourceId ?? null, column);
  const to = relation ? ctx.facts.targetColumn(relation, column) : undefined;
  // Without both types the cost is unknown, so it is taken to be the worst: a rewrite.
  const rewrites =
    !plainUsing(def.raw_default, column) ||
    !from ||
    !to ||
    typeChangeRewrites(from.type, to.type, ctx.facts.binaryCoercible);
  // A new collation keeps the values but not their order: PostgreSQL rebuilds the column's indexes.
  const recollates =
    from !== undefined &&
    to !== undefined &&
    (from.collation !== to.collation || (to.collation !== null && ctx.facts.collationRebuilt(to.collation)));
  ctx.lock(relation, "ACCESS EXCLUSIVE", rewrites ? "rewrite" : recollates ? "index build" : "brief");
  if (rewrites && existing) ctx.hazard("MM106");
}

function setNotNull(target: AlterTarget, column: string, ctx: StatementContext): void {
  const { relation, existing } = target;
  const sourceId = relation?.sourceId ?? null;
  const proven =
    relation !== undefined &&
    (ctx.facts.sourceColumn(sourceId, column)?.notNull === true ||
      ctx.facts.notNullChecks(sourceId).has(column) ||
      ctx.state.hasValidatedNotNull(displayName(relation), column));
  ctx.lock(relation, "ACCESS EXCLUSIVE", proven ? "brief" : "scan");
  if (!proven && existing) ctx.hazard("MM105");
}

function addConstraint(target: AlterTarget, constraint: Constraint, ctx: StatementContext): void {
  const { relation, existing } = target;
  const name = constraint.conname ?? "";
  const notValid = constraint.skip_validation === true;
  const table = relation ? displayName(relation) : "";
  const hazardIfExisting = (code: HazardCode) => existing && ctx.hazard(code);
  const pend = (notNullColumn: string | undefined) =>
    ctx.state.addedNotValid(table, name, { stepId: ctx.stepId, notNullColumn });
  switch (constraint.contype) {
    case "CONSTR_FOREIGN": {
      const referenced = constraint.pktable ? relationOf(constraint.pktable) : undefined;
      if (referenced) ctx.state.addedForeignKey(table, name, referenced);
      const work: Work = notValid || !existing ? "brief" : "scan";
      ctx.lock(relation, "SHARE ROW EXCLUSIVE", work);
      if (referenced) ctx.lock(ctx.state.relations.find(referenced), "SHARE ROW EXCLUSIVE", work);
      if (notValid) pend(undefined);
      else hazardIfExisting("MM204");
      return;
    }
    case "CONSTR_CHECK": {
      const column = notNullCheckColumn(constraint.raw_expr);
      ctx.lock(relation, "ACCESS EXCLUSIVE", notValid ? "brief" : "scan");
      if (notValid) {
        pend(column);
        return;
      }
      if (column) ctx.state.notNullValidated(table, column);
      hazardIfExisting("MM205");
      return;
    }
    case "CONSTR_UNIQUE":
    case "CONSTR_PRIMARY": {
      // USING INDEX adopts an index built beforehand (CONCURRENTLY), and a key added ONLY to a partitioned
      // table builds no index: only a catalog change.
      const catalogOnly = constraint.indexname !== undefined || target.onlyPartitioned;
      ctx.lock(relation, "ACCESS EXCLUSIVE", catalogOnly ? "brief" : "index build");
      if (!catalogOnly) hazardIfExisting(constraint.contype === "CONSTR_UNIQUE" ? "MM207" : "MM208");
      return;
    }
    case "CONSTR_EXCLUSION":
      ctx.lock(relation, "ACCESS EXCLUSIVE", "index build");
      hazardIfExisting("MM209");
      return;
    case "CONSTR_NOTNULL": {
      // ADD CONSTRAINT … NOT NULL col (PostgreSQL 18): SET NOT NULL under another name, unless NOT VALID.
      const column = nameParts(constraint.keys)[0] ?? "";
      if (notValid) {
        ctx.lock(relation, "ACCESS EXCLUSIVE");
        pend(column);
      } else setNotNull(target, column, ctx);
      return;
    }
    default:
      ctx.lock(relation, "ACCESS EXCLUSIVE");
  }
}

function validateConstraint(target: AlterTarget, name: string, ctx: StatementContext): void {
  const { relation } = target;
  ctx.lock(relation, "SHARE UPDATE EXCLUSIVE", "scan");
  if (!relation) return;
  const table = displayName(relation);
  const pending = ctx.state.validated(table, name);
  // In the transaction that added it, the ADD's stronger lock is still held for the whole validation.
  if (pending?.stepId === ctx.stepId && ctx.transactional) ctx.hazard("MM206");
  const column = pending ? pending.notNullColumn : ctx.facts.notNullCheckOf(relation.sourceId, name);
  if (column) ctx.state.notNullValidated(table, column);
}

function dropConstraint(target: AlterTarget, name: string, ctx: StatementContext): void {
  const { relation } = target;
  ctx.lock(relation, "ACCESS EXCLUSIVE");
  if (!relation) return;
  // Dropping a foreign key removes its triggers from the referenced table too.
  const referenced =
    ctx.state.foreignKeyTarget(displayName(relation), name) ??
    ctx.facts.referencedBy(relation.sourceId, name);
  if (referenced) ctx.lock(ctx.state.relations.find(referenced), "ACCESS EXCLUSIVE");
}
