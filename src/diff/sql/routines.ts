import type { AggregateObj, FunctionObj, PolicyObj, RuleObj, TriggerObj } from "../../catalog/model.js";
import { quoteIdent } from "../../db/quote.js";
import { type DiffContext, type Generator, type Statement, stmt } from "../change.js";
import { commentChange, commentOnCreate, NO_PRIVILEGES, privilegeChange } from "./common.js";

const routine = (f: FunctionObj) => `${f.isProcedure ? "PROCEDURE" : "FUNCTION"} ${f.sqlName}`;

export const functionSql: Generator<FunctionObj> = {
  create: (f) => [
    stmt(f.definition),
    ...commentOnCreate(routine(f), f.comment),
    ...privilegeChange(routine(f), NO_PRIVILEGES, f.grants),
  ],
  drop: (f) => [stmt(`DROP ${routine(f)}`)],
  alter: (from, to) => {
    // CREATE OR REPLACE cannot change the result type, argument names or defaults, or function ↔ procedure.
    if (from.result !== to.result || from.signature !== to.signature || from.isProcedure !== to.isProcedure) {
      return "recreate";
    }
    const out: Statement[] = [];
    if (from.definition !== to.definition) out.push(stmt(to.definition));
    out.push(...commentChange(routine(to), from.comment, to.comment));
    out.push(...privilegeChange(routine(to), from.grants, to.grants));
    return out;
  },
};

// An aggregate of no arguments is named with (*) where an aggregate is expected, and () as a function.
const aggregate = (a: AggregateObj) => `AGGREGATE ${a.sqlName.replace(/\(\)$/, "(*)")}`;

/** CREATE OR REPLACE AGGREGATE cannot change the state type or the kind: drop and create change anything. */
export const aggregateSql: Generator<AggregateObj> = {
  create: (a) => [
    stmt(a.definition),
    ...commentOnCreate(aggregate(a), a.comment),
    ...privilegeChange(`FUNCTION ${a.sqlName}`, NO_PRIVILEGES, a.grants),
  ],
  drop: (a) => [stmt(`DROP ${aggregate(a)}`)],
  alter: (from, to) => {
    if (from.definition !== to.definition) return "recreate";
    return [
      ...commentChange(aggregate(to), from.comment, to.comment),
      ...privilegeChange(`FUNCTION ${to.sqlName}`, from.grants, to.grants),
    ];
  },
};

const ENABLE_CLAUSE: Record<TriggerObj["enabled"], string> = {
  origin: "ENABLE TRIGGER",
  disabled: "DISABLE TRIGGER",
  replica: "ENABLE REPLICA TRIGGER",
  always: "ENABLE ALWAYS TRIGGER",
};

const triggerTarget = (t: TriggerObj) => `TRIGGER ${quoteIdent(t.name)} ON ${t.tableSql}`;
const enable = (t: TriggerObj) =>
  stmt(`ALTER TABLE ${t.tableSql} ${ENABLE_CLAUSE[t.enabled]} ${quoteIdent(t.name)}`);

/**
 * A partition's clone with its own enabled state is set apart after its parent's trigger is created or
 * changed (which sets every clone), and goes back to the parent's state when the target has none apart.
 */
function cloneBack(clone: TriggerObj, ctx: DiffContext): Statement[] {
  const parent = ctx.target.objects[clone.parentTrigger ?? ""];
  const table = ctx.target.objects[clone.table];
  const sourceTable = ctx.source.objects[clone.table];
  const stillClone =
    table?.kind === "table" && sourceTable?.kind === "table" && table.partitionOf === sourceTable.partitionOf;
  return parent?.kind === "trigger" && stillClone ? [enable({ ...clone, enabled: parent.enabled })] : [];
}

export const triggerSql: Generator<TriggerObj> = {
  create: (t) =>
    t.parentTrigger
      ? [enable(t)]
      : [
          stmt(t.definition),
          ...(t.enabled === "origin" ? [] : [enable(t)]),
          ...commentOnCreate(triggerTarget(t), t.comment),
        ],
  drop: (t, ctx) => (t.parentTrigger ? cloneBack(t, ctx) : [stmt(`DROP ${triggerTarget(t)}`)]),
  alter: (from, to) => {
    if (from.definition !== to.definition) return "recreate";
    return [
      ...(from.enabled !== to.enabled ? [enable(to)] : []),
      ...commentChange(triggerTarget(to), from.comment, to.comment),
    ];
  },
};

const ruleTarget = (r: RuleObj) => `RULE ${quoteIdent(r.name)} ON ${r.tableSql}`;
// pg_get_ruledef ends its statement with a semicolon; scripts add their own.
const ruleDefinition = (r: RuleObj) => r.definition.replace(/;$/, "");
const enableRule = (r: RuleObj) =>
  stmt(
    `ALTER TABLE ${r.tableSql} ${ENABLE_CLAUSE[r.enabled].replace("TRIGGER", "RULE")} ${quoteIdent(r.name)}`,
  );

export const ruleSql: Generator<RuleObj> = {
  create: (r) => [
    stmt(ruleDefinition(r)),
    ...(r.enabled === "origin" ? [] : [enableRule(r)]),
    ...commentOnCreate(ruleTarget(r), r.comment),
  ],
  drop: (r) => [stmt(`DROP ${ruleTarget(r)}`)],
  alter: (from, to) => [
    ...(from.definition !== to.definition
      ? [stmt(ruleDefinition(to).replace(/^CREATE RULE/, "CREATE OR REPLACE RULE"))]
      : []),
    ...(from.enabled !== to.enabled ? [enableRule(to)] : []),
    ...commentChange(ruleTarget(to), from.comment, to.comment),
  ],
};

const policyTarget = (p: PolicyObj) => `POLICY ${quoteIdent(p.name)} ON ${p.tableSql}`;
const roleList = (roles: string[]) =>
  roles.map((r) => (r === "PUBLIC" ? "PUBLIC" : quoteIdent(r))).join(", ");

export const policySql: Generator<PolicyObj> = {
  create: (p) => {
    let sql = `CREATE ${policyTarget(p)} AS ${p.permissive ? "PERMISSIVE" : "RESTRICTIVE"} FOR ${p.command}`;
    sql += ` TO ${roleList(p.roles)}`;
    if (p.using !== null) sql += ` USING (${p.using})`;
    if (p.withCheck !== null) sql += ` WITH CHECK (${p.withCheck})`;
    return [stmt(sql), ...commentOnCreate(policyTarget(p), p.comment)];
  },
  drop: (p) => [stmt(`DROP ${policyTarget(p)}`)],
  alter: (from, to) => {
    if (from.permissive !== to.permissive || from.command !== to.command) return "recreate";
    const out: Statement[] = [];
    if (from.roles.join() !== to.roles.join())
      out.push(stmt(`ALTER ${policyTarget(to)} TO ${roleList(to.roles)}`));
    if (from.using !== to.using) {
      if (to.using === null) return "recreate";
      out.push(stmt(`ALTER ${policyTarget(to)} USING (${to.using})`));
    }
    if (from.withCheck !== to.withCheck) {
      if (to.withCheck === null) return "recreate";
      out.push(stmt(`ALTER ${policyTarget(to)} WITH CHECK (${to.withCheck})`));
    }
    out.push(...commentChange(policyTarget(to), from.comment, to.comment));
    return out;
  },
};
