import type { Grant, Privileges } from "../../catalog/model.js";
import { quoteIdent, quoteLiteral, quoteNullableLiteral } from "../../db/quote.js";
import { type Statement, stmt } from "../change.js";

/** `COMMENT ON <target> IS …`, when the comment differs. */
export function commentChange(target: string, from: string | null, to: string | null): Statement[] {
  return from === to ? [] : [stmt(`COMMENT ON ${target} IS ${quoteNullableLiteral(to)}`)];
}

/** Comment statements for a newly created object (nothing when it has none). */
export function commentOnCreate(target: string, comment: string | null): Statement[] {
  return commentChange(target, null, comment);
}

const grantKey = (g: Grant) => `${g.grantee}\u0000${g.privilege}`;
const grantee = (name: string) => (name === "PUBLIC" ? "PUBLIC" : quoteIdent(name));

/**
 * GRANT and REVOKE statements that move an object's privileges from `from` to `to`. Both are relative to
 * the defaults (see catalog/sql.ts), so `from` is the empty default state for a new object.
 * `columns` narrows the statements to column privileges, e.g. "(email)"; `prefix` leads each statement, as
 * "ALTER DEFAULT PRIVILEGES IN SCHEMA app " does.
 */
export function privilegeChange(
  object: string,
  from: Privileges,
  to: Privileges,
  columns = "",
  prefix = "",
): Statement[] {
  const out: Statement[] = [];
  const grant = (g: Grant) =>
    out.push(
      stmt(
        `${prefix}GRANT ${g.privilege}${columns} ON ${object} TO ${grantee(g.grantee)}${g.grantable ? " WITH GRANT OPTION" : ""}`,
      ),
    );
  const revoke = (g: Grant, grantOptionOnly = false) =>
    out.push(
      stmt(
        `${prefix}REVOKE ${grantOptionOnly ? "GRANT OPTION FOR " : ""}${g.privilege}${columns} ON ${object} FROM ${grantee(g.grantee)}`,
      ),
    );
  const moved = movedGrantees(from, to);
  const oldGranted = new Map(from.granted.map((g) => [grantKey(g), g]));
  const newGranted = new Map(to.granted.map((g) => [grantKey(g), g]));
  const oldRevoked = new Map(from.revoked.map((g) => [grantKey(g), g]));
  const newRevoked = new Map(to.revoked.map((g) => [grantKey(g), g]));

  for (const [key, g] of oldRevoked) if (!newRevoked.has(key)) grant(g);
  for (const [key, g] of newRevoked) if (!oldRevoked.has(key)) revoke(g);
  for (const [key, g] of oldGranted) {
    const next = newGranted.get(key);
    if (!next || moved.has(g.grantee)) revoke(g);
    else if (g.grantable && !next.grantable) revoke(g, true);
  }
  for (const [key, g] of newGranted) {
    const previous = oldGranted.get(key);
    if (!previous || moved.has(g.grantee) || (!previous.grantable && g.grantable)) grant(g);
  }
  return out;
}

function granteeOrder(privileges: Privileges): string[] {
  return [...new Set(privileges.granted.map((g) => g.grantee))];
}

/**
 * Grantees whose place in the ACL must change. PostgreSQL keeps a grantee's place while it holds anything
 * and appends new grantees, and pg_dump prints grants in that order: so the grantees kept from `from` that
 * are not already in `to`'s order, from the first out of place on, are revoked and granted again in order.
 */
function movedGrantees(from: Privileges, to: Privileges): Set<string> {
  const target = granteeOrder(to);
  const kept = granteeOrder(from).filter((name) => target.includes(name));
  let inPlace = 0;
  while (inPlace < kept.length && kept[inPlace] === target[inPlace]) inPlace++;
  return new Set(kept.slice(inPlace));
}

/**
 * PostgreSQL's REVOKE on a table also takes the privilege from each of its columns, so the column grants
 * the target has for a privilege that privilegeChange revokes at table level (wholly or its grant option)
 * are granted again after it, by the table's own step.
 */
export function columnGrantsAfterTableRevoke(
  table: string,
  from: Privileges,
  to: Privileges,
  columns: readonly { name: string; grants: Privileges }[],
): Statement[] {
  const kept = new Map(to.granted.map((g) => [grantKey(g), g]));
  const revoked = new Set(
    [
      ...from.granted.filter(
        (g) => !kept.has(grantKey(g)) || (g.grantable && !kept.get(grantKey(g))?.grantable),
      ),
      ...to.revoked.filter((g) => !from.revoked.some((r) => grantKey(r) === grantKey(g))),
    ].map(grantKey),
  );
  if (revoked.size === 0) return [];
  const regrants = new Map<string, { grant: Grant; columns: string[] }>();
  for (const column of columns) {
    for (const g of column.grants.granted) {
      if (!revoked.has(grantKey(g))) continue;
      const key = `${grantKey(g)}\u0000${g.grantable}`;
      const entry = regrants.get(key) ?? { grant: g, columns: [] };
      entry.columns.push(quoteIdent(column.name));
      regrants.set(key, entry);
    }
  }
  return [...regrants.values()].map(({ grant: g, columns: names }) =>
    stmt(
      `GRANT ${g.privilege} (${names.join(", ")}) ON ${table} TO ${grantee(g.grantee)}${g.grantable ? " WITH GRANT OPTION" : ""}`,
    ),
  );
}

export const NO_PRIVILEGES: Privileges = { granted: [], revoked: [] };

/**
 * ALTER SEQUENCE refuses bounds that exclude the current value, so a sequence (or an identity's) whose
 * bounds narrow has its value moved inside them first. setval refuses a value outside the current bounds,
 * so bounds that do not overlap the old ones are first widened to cover both.
 */
export function valueIntoBounds(
  sequence: string,
  from: { min: string; max: string },
  to: { min: string; max: string },
): Statement[] {
  const fromMin = BigInt(from.min);
  const fromMax = BigInt(from.max);
  const toMin = BigInt(to.min);
  const toMax = BigInt(to.max);
  if (toMin <= fromMin && toMax >= fromMax) return [];
  const disjoint = toMin > fromMax || toMax < fromMin;
  const least = fromMin < toMin ? fromMin : toMin;
  const greatest = fromMax > toMax ? fromMax : toMax;
  return [
    ...(disjoint ? [stmt(`ALTER SEQUENCE ${sequence} MINVALUE ${least} MAXVALUE ${greatest}`)] : []),
    stmt(
      `SELECT pg_catalog.setval(${quoteLiteral(sequence)}, greatest(least(last_value, ${to.max}), ${to.min}), is_called) FROM ${sequence}`,
    ),
  ];
}

/**
 * The name an object keeps while its replacement takes its own name: a sequence in the way of an identity
 * column, an enum rebuilt beside the old type. Same schema, and short enough for the 63-byte limit.
 */
export function asideName(name: string): string {
  return `${name.slice(0, 50)}__mm_old`;
}

const optionName = (option: string) => option.split("=")[0] ?? option;

/**
 * `<alter> RESET (…)` and `SET (…)` (ALTER TABLE, VIEW or MATERIALIZED VIEW) that leave exactly `to` stored,
 * in its order: PostgreSQL keeps reloptions in the order given, and pg_dump prints them so. SET keeps the
 * options it does not name where they are and appends the ones it names (an option set again moves to the
 * end), so the longest start of `to` that the old options already hold in that order stays, the rest is set
 * again in order, and options `to` lacks are reset.
 */
export function optionChanges(alter: string, from: string[], to: string[]): Statement[] {
  const wanted = new Set(to.map(optionName));
  const removed = from.filter((o) => !wanted.has(optionName(o)));
  const kept = from.filter((o) => wanted.has(optionName(o)));
  let stays = 0;
  while (stays < to.length) {
    const names = new Set(to.slice(0, stays + 1).map(optionName));
    const held = kept.filter((o) => names.has(optionName(o)));
    if (held.length !== stays + 1 || held.some((o, i) => o !== to[i])) break;
    stays++;
  }
  const out: Statement[] = [];
  if (removed.length) out.push(stmt(`${alter} RESET (${removed.map(optionName).join(", ")})`));
  if (stays < to.length) out.push(stmt(`${alter} SET (${to.slice(stays).join(", ")})`));
  return out;
}
