import type { CollationObj, ExtensionObj, SchemaObj } from "../../catalog/model.js";
import { quoteIdent, quoteLiteral } from "../../db/quote.js";
import { type Generator, type Statement, stmt } from "../change.js";
import { commentChange, commentOnCreate, NO_PRIVILEGES, privilegeChange } from "./common.js";

export const schemaSql: Generator<SchemaObj> = {
  create: (s) => [
    stmt(`CREATE SCHEMA ${s.sqlName}`),
    ...commentOnCreate(`SCHEMA ${s.sqlName}`, s.comment),
    ...privilegeChange(`SCHEMA ${s.sqlName}`, NO_PRIVILEGES, s.grants),
  ],
  drop: (s) => [stmt(`DROP SCHEMA ${s.sqlName}`)],
  alter: (from, to) => [
    ...commentChange(`SCHEMA ${to.sqlName}`, from.comment, to.comment),
    ...privilegeChange(`SCHEMA ${to.sqlName}`, from.grants, to.grants),
  ],
};

export const extensionSql: Generator<ExtensionObj> = {
  create: (e) => [
    stmt(
      `CREATE EXTENSION IF NOT EXISTS ${e.sqlName} WITH SCHEMA ${quoteIdent(e.schema)} VERSION ${quoteLiteral(e.version)}`,
    ),
    ...commentOnCreate(`EXTENSION ${e.sqlName}`, e.comment),
    ...memberGrantChanges(null, e),
  ],
  drop: (e) => [stmt(`DROP EXTENSION ${e.sqlName}`)],
  alter: (from, to, ctx) => {
    // Extensions ship update scripts, rarely downgrade scripts: a version the installed one has no path to
    // (a rollback of an update) is reached by dropping and creating it, when that loses nothing. Otherwise
    // the UPDATE stays, and PostgreSQL names the missing path if it is run.
    const updatable = ctx.source.extensionUpdates?.[from.name]?.includes(to.version) === true;
    if (from.version !== to.version && !updatable && from.standalone) return "recreate";
    return [
      ...(from.schema !== to.schema
        ? [stmt(`ALTER EXTENSION ${to.sqlName} SET SCHEMA ${quoteIdent(to.schema)}`)]
        : []),
      ...(from.version !== to.version
        ? [stmt(`ALTER EXTENSION ${to.sqlName} UPDATE TO ${quoteLiteral(to.version)}`)]
        : []),
      ...commentChange(`EXTENSION ${to.sqlName}`, from.comment, to.comment),
      ...memberGrantChanges(from, to),
    ];
  },
};

/**
 * GRANT and REVOKE on the extension's members, from `from` (null: just created) to `to`. A member whose
 * name `to` lacks is reset only while the extension stays in its schema: after SET SCHEMA it has another.
 */
function memberGrantChanges(from: ExtensionObj | null, to: ExtensionObj): Statement[] {
  const before = from?.memberGrants ?? {};
  const resets = from?.schema === to.schema ? Object.keys(before) : [];
  const targets = [...new Set([...Object.keys(to.memberGrants), ...resets])].sort();
  return targets.flatMap((target) =>
    privilegeChange(target, before[target] ?? NO_PRIVILEGES, to.memberGrants[target] ?? NO_PRIVILEGES),
  );
}

function collationOptions(c: CollationObj): string {
  const options = [`provider = ${c.provider === "i" ? "icu" : c.provider === "b" ? "builtin" : "libc"}`];
  if (c.provider === "c") {
    options.push(
      `lc_collate = ${quoteLiteral(c.collate ?? "")}`,
      `lc_ctype = ${quoteLiteral(c.ctype ?? "")}`,
    );
  } else {
    options.push(`locale = ${quoteLiteral(c.locale ?? "")}`);
  }
  if (!c.deterministic) options.push("deterministic = false");
  return options.join(", ");
}

/** Whether a collation keeps its name but sorts differently: PostgreSQL cannot alter that, so it is rebuilt. */
export function collationRebuilt(from: CollationObj, to: CollationObj): boolean {
  return collationOptions(from) !== collationOptions(to);
}

export const collationSql: Generator<CollationObj> = {
  create: (c) => [
    stmt(`CREATE COLLATION ${c.sqlName} (${collationOptions(c)})`),
    ...commentOnCreate(`COLLATION ${c.sqlName}`, c.comment),
  ],
  drop: (c) => [stmt(`DROP COLLATION ${c.sqlName}`)],
  alter: (from, to) =>
    collationRebuilt(from, to)
      ? "recreate"
      : commentChange(`COLLATION ${to.sqlName}`, from.comment, to.comment),
};
