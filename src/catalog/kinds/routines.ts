import type { FunctionObj, PolicyObj, Privileges, RuleObj, TriggerEnabled, TriggerObj } from "../model.js";
import {
  description,
  grants,
  identity,
  notExtensionMember,
  notInternalPart,
  relationIdentity,
  userNamespace,
} from "../sql.js";

export const functionsQuery = `
SELECT n.nspname AS schema, p.proname AS name, ${identity("pg_proc", "p.oid")} AS identity,
       pg_get_function_identity_arguments(p.oid) AS identity_args, p.prokind = 'p' AS is_procedure,
       pg_get_functiondef(p.oid) AS definition, pg_get_function_result(p.oid) AS result,
       pg_get_function_arguments(p.oid) AS signature,
       ${description("pg_proc", "p.oid")} AS comment, ${grants("p.proacl", "f", "p.proowner")} AS grants
  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
 WHERE p.prokind IN ('f', 'p') AND ${userNamespace("n")} AND ${notExtensionMember("pg_proc", "p.oid")}
   AND ${notInternalPart("pg_proc", "p.oid")}`;

interface FunctionRow {
  schema: string;
  name: string;
  identity: string;
  identity_args: string;
  is_procedure: boolean;
  definition: string;
  result: string | null;
  signature: string;
  comment: string | null;
  grants: Privileges;
}

export function toFunction(row: FunctionRow): FunctionObj {
  return {
    kind: "function",
    id: `function:${row.identity}`,
    sqlName: row.identity,
    schema: row.schema,
    name: row.name,
    identityArgs: row.identity_args,
    isProcedure: row.is_procedure,
    definition: row.definition.trim(),
    result: row.result,
    signature: row.signature,
    comment: row.comment,
    grants: row.grants,
    dependsOn: [],
  };
}

const userTable = `${userNamespace("n")} AND ${notExtensionMember("pg_class", "c.oid")}`;

// Triggers cloned onto partitions (tgparentid) are created by the parent's trigger, and follow its enabled
// state when it changes; a clone whose state was set apart is read, without the comment pg_dump ignores.
export const triggersQuery = `
SELECT ${relationIdentity("n", "c")} AS table_identity, ${identity("pg_trigger", "t.oid")} AS identity,
       t.tgname AS name, pg_get_triggerdef(t.oid) AS definition, t.tgenabled AS enabled,
       CASE WHEN t.tgparentid = 0 THEN ${description("pg_trigger", "t.oid")} END AS comment,
       CASE WHEN t.tgparentid <> 0 THEN ${identity("pg_trigger", "t.tgparentid")} END AS parent_identity
  FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_trigger parent ON parent.oid = t.tgparentid
 WHERE NOT t.tgisinternal AND (t.tgparentid = 0 OR t.tgenabled <> parent.tgenabled) AND ${userTable}`;

interface TriggerRow {
  table_identity: string;
  identity: string;
  name: string;
  definition: string;
  enabled: string;
  comment: string | null;
  parent_identity: string | null;
}

const ENABLED: Record<string, TriggerEnabled> = { O: "origin", D: "disabled", R: "replica", A: "always" };

export function toTrigger(row: TriggerRow): TriggerObj {
  return {
    kind: "trigger",
    id: `trigger:${row.identity}`,
    sqlName: row.identity,
    table: `rel:${row.table_identity}`,
    tableSql: row.table_identity,
    name: row.name,
    definition: row.definition,
    enabled: ENABLED[row.enabled] ?? "origin",
    parentTrigger: row.parent_identity === null ? null : `trigger:${row.parent_identity}`,
    comment: row.comment,
    dependsOn: [],
  };
}

export const policiesQuery = `
SELECT ${relationIdentity("n", "c")} AS table_identity, ${identity("pg_policy", "p.oid")} AS identity,
       p.polname AS name, p.polpermissive AS permissive,
       CASE p.polcmd WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT' WHEN 'w' THEN 'UPDATE' WHEN 'd' THEN 'DELETE'
                     ELSE 'ALL' END AS command,
       (SELECT json_agg(CASE WHEN r = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(r) END ORDER BY 1)
          FROM unnest(p.polroles) r) AS roles,
       pg_get_expr(p.polqual, p.polrelid) AS using, pg_get_expr(p.polwithcheck, p.polrelid) AS with_check,
       ${description("pg_policy", "p.oid")} AS comment
  FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE ${userTable}`;

interface PolicyRow {
  table_identity: string;
  identity: string;
  name: string;
  permissive: boolean;
  command: string;
  roles: string[] | null;
  using: string | null;
  with_check: string | null;
  comment: string | null;
}

export function toPolicy(row: PolicyRow): PolicyObj {
  return {
    kind: "policy",
    id: `policy:${row.identity}`,
    sqlName: row.identity,
    table: `rel:${row.table_identity}`,
    tableSql: row.table_identity,
    name: row.name,
    permissive: row.permissive,
    command: row.command,
    roles: row.roles ?? ["PUBLIC"],
    using: row.using,
    withCheck: row.with_check,
    comment: row.comment,
    dependsOn: [],
  };
}

/** Rewrite rules other than a view's own, on tables and views alike (hence not userTable). */
export const rulesQuery = `
SELECT ${relationIdentity("n", "c")} AS table_identity, ${identity("pg_rewrite", "r.oid")} AS identity,
       r.rulename AS name, pg_get_ruledef(r.oid) AS definition, r.ev_enabled AS enabled,
       ${description("pg_rewrite", "r.oid")} AS comment
  FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE r.rulename <> '_RETURN' AND ${userNamespace("n")} AND ${notExtensionMember("pg_class", "c.oid")}`;

interface RuleRow {
  table_identity: string;
  identity: string;
  name: string;
  definition: string;
  enabled: string;
  comment: string | null;
}

export function toRule(row: RuleRow): RuleObj {
  return {
    kind: "rule",
    id: `rule:${row.identity}`,
    sqlName: row.identity,
    table: `rel:${row.table_identity}`,
    tableSql: row.table_identity,
    name: row.name,
    definition: row.definition.trim(),
    enabled: ENABLED[row.enabled] ?? "origin",
    comment: row.comment,
    dependsOn: [],
  };
}
