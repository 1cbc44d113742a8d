import type { AlterTableCmd, AlterTableStmt, AlterTableType, ColumnDef, Constraint } from "libpg-query";
import {
  columnRefName,
  constraintsOf,
  displayRelation,
  displayType,
  locationOf,
  nameParts,
  notNullCheckColumn,
  type RelationRef,
  relationOf,
  sameRelation,
  writtenType,
} from "../nodes.js";
import { mayBeFreeWithoutCatalog, typeChangeCost, typmodOf } from "../type-change.js";
import { defaultVolatility } from "../volatility.js";
import { checkColumnType, checkTypeName, isSerial } from "./column-types.js";
import type { RuleContext } from "./context.js";

/** Subcommands that take at most SHARE UPDATE EXCLUSIVE: reads and writes go on while they wait and run. */
const WEAK_LOCK = new Set<AlterTableType>([
  "AT_ValidateConstraint",
  "AT_SetStatistics",
  "AT_SetOptions",
  "AT_ResetOptions",
  "AT_ClusterOn",
  "AT_DropCluster",
  "AT_SetRelOptions",
  "AT_ResetRelOptions",
]);

function commandsOf(stmt: AlterTableStmt): AlterTableCmd[] {
  return (stmt.cmds ?? []).flatMap((node) => ("AlterTableCmd" in node ? [node.AlterTableCmd] : []));
}

function isWeak(cmd: AlterTableCmd): boolean {
  if (cmd.subtype === "AT_DetachPartition") {
    return cmd.def !== undefined && "PartitionCmd" in cmd.def && cmd.def.PartitionCmd.concurrent === true;
  }
  return cmd.subtype !== undefined && WEAK_LOCK.has(cmd.subtype);
}

/** Foreign keys lock the referenced table too (SHARE ROW EXCLUSIVE). */
function referencedTables(cmd: AlterTableCmd): RelationRef[] {
  const constraints =
    cmd.def === undefined
      ? []
      : "Constraint" in cmd.def
        ? [cmd.def.Constraint]
        : "ColumnDef" in cmd.def
          ? constraintsOf(cmd.def.ColumnDef)
          : [];
  return constraints.flatMap((constraint) => (constraint.pktable ? [relationOf(constraint.pktable)] : []));
}

export function alterTable(stmt: AlterTableStmt, ctx: RuleContext): void {
  if (!stmt.relation) return;
  const table = relationOf(stmt.relation);
  const isNew = !ctx.existing(table);
  const commands = commandsOf(stmt);
  const locksExisting =
    (!isNew && commands.some((cmd) => !isWeak(cmd))) ||
    commands.some((cmd) => referencedTables(cmd).some((ref) => ctx.existing(ref)));
  if (locksExisting) ctx.takesLock();
  if (stmt.objtype !== "OBJECT_TABLE") return;
  for (const cmd of commands) alterTableCommand(table, cmd, isNew, ctx);
}

function alterTableCommand(table: RelationRef, cmd: AlterTableCmd, isNew: boolean, ctx: RuleContext): void {
  const def = cmd.def;
  const name = displayRelation(table);
  switch (cmd.subtype) {
    case "AT_AddColumn":
      if (def && "ColumnDef" in def) addColumn(table, def.ColumnDef, isNew, ctx);
      return;
    case "AT_AlterColumnType":
      if (def && "ColumnDef" in def) alterColumnType(table, cmd.name ?? "?", def.ColumnDef, isNew, ctx);
      return;
    case "AT_SetNotNull":
      if (!isNew) setNotNull(table, cmd.name ?? "?", ctx);
      return;
    case "AT_DropNotNull":
      if (!isNew) ctx.report("MM107", `drops NOT NULL from ${name}.${cmd.name}`);
      return;
    case "AT_DropColumn":
      if (!isNew) ctx.report("MM301", `drops column ${cmd.name} of ${name} and its data`);
      return;
    case "AT_AddConstraint":
      if (def && "Constraint" in def) addConstraint(table, def.Constraint, isNew, ctx);
      return;
    case "AT_ValidateConstraint":
      validateConstraint(table, cmd.name ?? "", ctx);
      return;
    case "AT_SetLogged":
    case "AT_SetUnLogged":
      if (!isNew) {
        const mode = cmd.subtype === "AT_SetLogged" ? "LOGGED" : "UNLOGGED";
        ctx.report("MM108", `SET ${mode} rewrites ${name}`, { table });
      }
      return;
    case "AT_SetTableSpace":
    case "AT_SetAccessMethod":
      if (!isNew) ctx.report("MM109", `moving ${name} copies the whole table`, { table });
      return;
    case "AT_DisableTrig":
    case "AT_DisableTrigAll":
    case "AT_DisableTrigUser":
      if (!isNew) ctx.report("MM607", `disables ${cmd.name ? `trigger ${cmd.name}` : "triggers"} on ${name}`);
      return;
    case "AT_EnableRowSecurity":
    case "AT_ForceRowSecurity":
      if (!ctx.state.hasPolicy(table) && (ctx.facts?.table(table)?.policies ?? 0) === 0) {
        ctx.report("MM608", `${name} has no policy, so row level security hides all its rows`);
      }
      return;
    case "AT_DetachPartition":
      if (def && "PartitionCmd" in def) {
        const partition = def.PartitionCmd.name ? displayRelation(relationOf(def.PartitionCmd.name)) : "?";
        if (!def.PartitionCmd.concurrent) {
          ctx.report("MM213", `detaches ${partition} from ${name} without CONCURRENTLY`);
        } else if (ctx.state.inTransaction) {
          ctx.report("MM003", `DETACH PARTITION ${partition} CONCURRENTLY inside BEGIN … COMMIT`);
        }
      }
      return;
    default:
      return;
  }
}

function addColumn(table: RelationRef, column: ColumnDef, isNew: boolean, ctx: RuleContext): void {
  checkColumnType(column, ctx, { primaryKey: false });
  if (isNew) return;
  const name = `${displayRelation(table)}.${column.colname}`;
  const at = { location: locationOf(column), table };
  const constraints = constraintsOf(column);
  const has = (type: Constraint["contype"]) => constraints.some((constraint) => constraint.contype === type);
  const written = constraints.find((constraint) => constraint.contype === "CONSTR_DEFAULT")?.raw_expr;
  // DEFAULT NULL is no default at all: NOT NULL still fails on existing rows.
  const defaultExpr = written && "A_Const" in written && written.A_Const.isnull ? undefined : written;
  const generatedStored = constraints.some(
    (constraint) => constraint.contype === "CONSTR_GENERATED" && constraint.generated_kind === "s",
  );

  if (isSerial(column.typeName) || has("CONSTR_IDENTITY")) {
    ctx.report("MM103", `adds auto-increment column ${name}`, at);
  } else if (generatedStored) {
    ctx.report("MM104", `adds stored generated column ${name}`, at);
  } else if (defaultExpr) {
    const { volatility, culprit } = defaultVolatility(defaultExpr, ctx.volatility);
    if (volatility === "v") {
      ctx.report("MM102", `the default of ${name} calls volatile ${culprit}`, at);
    } else if (volatility === "unknown") {
      const how = ctx.facts ? "it is not in the database" : "run with --db to look it up in pg_proc";
      ctx.report("MM102", `the default of ${name} calls ${culprit}, whose volatility is unknown (${how})`, {
        ...at,
        severity: "warning",
      });
    }
  } else if (has("CONSTR_NOTNULL") || has("CONSTR_PRIMARY")) {
    ctx.report("MM101", `adds ${name} NOT NULL with no DEFAULT`, at);
  }

  for (const constraint of constraints) {
    const where = { location: locationOf(constraint) ?? at.location, table };
    if (constraint.contype === "CONSTR_FOREIGN") {
      ctx.report("MM204", `inline REFERENCES on new column ${name} cannot be NOT VALID`, where);
    } else if (constraint.contype === "CONSTR_CHECK") {
      ctx.report("MM205", `inline CHECK on new column ${name} cannot be NOT VALID`, where);
    } else if (constraint.contype === "CONSTR_UNIQUE") {
      ctx.report("MM207", `inline UNIQUE on new column ${name}`, where);
    } else if (constraint.contype === "CONSTR_PRIMARY") {
      ctx.report("MM208", `inline PRIMARY KEY on new column ${name}`, where);
    }
  }
}

function alterColumnType(
  table: RelationRef,
  columnName: string,
  def: ColumnDef,
  isNew: boolean,
  ctx: RuleContext,
): void {
  if (!def.typeName) return;
  checkTypeName(def.typeName, `column ${columnName}`, ctx);
  if (isNew) return;
  const name = `${displayRelation(table)}.${columnName}`;
  const target = writtenType(def.typeName);
  const targetText = displayType(target);
  const usingOther = def.raw_default !== undefined && columnRefName(def.raw_default) !== columnName;
  const at = { location: locationOf(def.typeName), table };

  if (usingOther) {
    ctx.report("MM106", `changes the type of ${name} with a USING expression, which rewrites the table`, at);
    return;
  }
  const facts = ctx.facts;
  if (!facts) {
    if (mayBeFreeWithoutCatalog(target)) {
      ctx.report(
        "MM106",
        `changing ${name} to ${targetText} rewrites the table unless the old type is varchar or text (run with --db to decide from pg_cast)`,
        { ...at, severity: "warning" },
      );
    } else {
      ctx.report(
        "MM106",
        `changing ${name} to ${targetText} rewrites the table unless binary-coercible (run with --db to decide from pg_cast)`,
        at,
      );
    }
    return;
  }
  const column = facts.table(table)?.columns.get(columnName);
  const targetOid = facts.typeOid(target);
  const typmod = targetOid === undefined ? undefined : typmodOf(targetOid, target);
  if (!column || targetOid === undefined || typmod === undefined) {
    ctx.report(
      "MM106",
      `changes the type of ${name} to ${targetText}; the database cannot tell the cost`,
      at,
    );
    return;
  }
  const cost = typeChangeCost(column, { oid: targetOid, typmod }, facts.binaryCoercible);
  if (cost === "metadata-only") {
    ctx.report(
      "MM106",
      `${name} ${column.type} → ${targetText} is binary-coercible: no rewrite, only a brief ACCESS EXCLUSIVE lock`,
      { ...at, severity: "info" },
    );
  } else {
    ctx.report(
      "MM106",
      `${name} ${column.type} → ${targetText} rewrites the table and rebuilds its indexes`,
      at,
    );
  }
}

function setNotNull(table: RelationRef, column: string, ctx: RuleContext, location?: number): void {
  const name = `${displayRelation(table)}.${column}`;
  const facts = ctx.facts?.table(table);
  const at = { location, table };
  // The script did the safe rewrite itself (CHECK … NOT VALID, VALIDATE): PostgreSQL 12+ skips the scan.
  if (ctx.state.hasValidatedNotNull(table, column)) return;
  if (facts?.columns.get(column)?.notNull) {
    ctx.report("MM105", `${name} is already NOT NULL: nothing to do`, { ...at, severity: "info" });
  } else if (facts?.notNullChecks.has(column)) {
    ctx.report(
      "MM105",
      `a validated CHECK (${column} IS NOT NULL) exists, so SET NOT NULL on ${name} skips the scan`,
      {
        ...at,
        severity: "info",
      },
    );
  } else {
    ctx.report("MM105", `SET NOT NULL on ${name} scans the table`, at);
  }
}

function addConstraint(table: RelationRef, constraint: Constraint, isNew: boolean, ctx: RuleContext): void {
  if (isNew) return;
  const name = displayRelation(table);
  const label = constraint.conname ? `constraint ${constraint.conname}` : "a constraint";
  const at = { location: locationOf(constraint), table };
  const pend = (notNullColumn?: string) =>
    ctx.state.pending.push({
      table,
      name: constraint.conname ?? "",
      transaction: ctx.state.transaction,
      notNullColumn,
    });
  switch (constraint.contype) {
    case "CONSTR_FOREIGN":
      if (constraint.skip_validation) pend();
      else ctx.report("MM204", `adds foreign key ${label} to ${name} without NOT VALID`, at);
      return;
    case "CONSTR_CHECK":
      if (constraint.skip_validation) pend(notNullCheckColumn(constraint.raw_expr));
      else ctx.report("MM205", `adds CHECK ${label} to ${name} without NOT VALID`, at);
      return;
    case "CONSTR_UNIQUE":
      if (!constraint.indexname)
        ctx.report("MM207", `adds UNIQUE ${label} to ${name} without USING INDEX`, at);
      return;
    case "CONSTR_PRIMARY":
      if (!constraint.indexname) ctx.report("MM208", `adds a PRIMARY KEY to ${name} without USING INDEX`, at);
      return;
    case "CONSTR_EXCLUSION":
      ctx.report("MM209", `adds EXCLUDE ${label} to ${name}`, at);
      return;
    case "CONSTR_NOTNULL": {
      // ADD CONSTRAINT … NOT NULL col (PostgreSQL 18): the same scan as SET NOT NULL unless NOT VALID.
      const column = nameParts(constraint.keys)[0] ?? "?";
      if (constraint.skip_validation) pend(column);
      else setNotNull(table, column, ctx, at.location);
      return;
    }
    default:
      return;
  }
}

function validateConstraint(table: RelationRef, constraintName: string, ctx: RuleContext): void {
  const pending = ctx.state.pending.find(
    (candidate) => candidate.name === constraintName && sameRelation(candidate.table, table),
  );
  if (!pending) return;
  if (pending.transaction === ctx.state.transaction) {
    ctx.report(
      "MM206",
      `validates ${constraintName} in the transaction that added it to ${displayRelation(table)}`,
      { table },
    );
  }
  if (pending.notNullColumn) ctx.state.validatedNotNull.push({ table, column: pending.notNullColumn });
}
