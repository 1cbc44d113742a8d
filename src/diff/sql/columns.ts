import type { ColumnObj, IdentityOptions, SchemaModel } from "../../catalog/model.js";
import { quoteIdent } from "../../db/quote.js";
import { type DiffContext, type Generator, type Statement, stmt } from "../change.js";
import {
  commentChange,
  commentOnCreate,
  NO_PRIVILEGES,
  optionChanges,
  privilegeChange,
  valueIntoBounds,
} from "./common.js";
import { carryPosition, moveAsideForIdentity } from "./identity.js";
import { sequencePastValues } from "./sequences.js";

function identityOptions(o: IdentityOptions): string {
  return (
    `START WITH ${o.start} INCREMENT BY ${o.increment} MINVALUE ${o.min} MAXVALUE ${o.max} ` +
    `CACHE ${o.cache}${o.cycle ? " CYCLE" : ""}`
  );
}

/**
 * The identity's sequence options with the sequence's name, as pg_dump gives them: PostgreSQL would
 * otherwise pick the name itself, which differs from the target's when it was renamed or chosen around a clash.
 */
function identitySequence(o: IdentityOptions): string {
  return `(SEQUENCE NAME ${o.sequence} ${identityOptions(o)})`;
}

/** The identity sequence's comment and grants, from `from` (null: a sequence just created) to `to`. */
function identitySequenceExtras(from: IdentityOptions | null, to: IdentityOptions): Statement[] {
  return [
    ...commentChange(`SEQUENCE ${to.sequence}`, from?.comment ?? null, to.comment),
    ...privilegeChange(`SEQUENCE ${to.sequence}`, from?.grants ?? NO_PRIVILEGES, to.grants),
  ];
}

/** The column as it appears in CREATE TABLE or ADD COLUMN. */
export function columnDefinition(c: ColumnObj): string {
  const parts = [quoteIdent(c.name), c.type];
  if (c.collation) parts.push(`COLLATE ${c.collation}`);
  if (c.generated !== null) parts.push(`GENERATED ALWAYS AS (${c.generated}) STORED`);
  if (c.identity) {
    parts.push(`GENERATED ${c.identity.toUpperCase()} AS IDENTITY`);
    if (c.identityOptions) parts.push(identitySequence(c.identityOptions));
  }
  if (c.default !== null) parts.push(`DEFAULT ${c.default}`);
  if (c.notNull) parts.push("NOT NULL");
  return parts.join(" ");
}

const STORAGE: Record<string, string> = { p: "PLAIN", e: "EXTERNAL", m: "MAIN", x: "EXTENDED" };
const COMPRESSION: Record<string, string> = { p: "pglz", l: "lz4" };

/**
 * SET STATISTICS, STORAGE, COMPRESSION and per-column options, from `from` (null: a column just created)
 * to `to`. A type change resets the storage to the new type's, so it is set again after one.
 */
function settingChanges(from: ColumnObj | null, to: ColumnObj, retyped = false): Statement[] {
  const out: Statement[] = [];
  if ((from?.statistics ?? null) !== to.statistics) {
    out.push(alterColumn(to, `SET STATISTICS ${to.statistics ?? -1}`));
  }
  if ((from?.storage ?? null) !== to.storage || (retyped && to.storage !== null)) {
    out.push(alterColumn(to, `SET STORAGE ${STORAGE[to.storage ?? to.typeStorage] ?? "EXTENDED"}`));
  }
  if ((from?.compression ?? null) !== to.compression) {
    out.push(alterColumn(to, `SET COMPRESSION ${COMPRESSION[to.compression ?? ""] ?? "DEFAULT"}`));
  }
  out.push(
    ...optionChanges(
      `ALTER TABLE ${to.tableSql} ALTER COLUMN ${quoteIdent(to.name)}`,
      from?.attributeOptions ?? [],
      to.attributeOptions,
    ),
  );
  return out;
}

/** Statements that come with a column wherever it is created: its comment and privileges, and its identity sequence's. */
export function columnExtras(c: ColumnObj): Statement[] {
  return [
    ...settingChanges(null, c),
    ...commentOnCreate(`COLUMN ${c.sqlName}`, c.comment),
    ...privilegeChange(`TABLE ${c.tableSql}`, NO_PRIVILEGES, c.grants, ` (${quoteIdent(c.name)})`),
    ...(c.identity && c.identityOptions ? identitySequenceExtras(null, c.identityOptions) : []),
  ];
}

/** A column's default and NOT NULL as ALTERs, for a typed table's column, which comes from its type without them. */
export function columnSettingsBeyond(c: ColumnObj): Statement[] {
  const column = `ALTER TABLE ${c.tableSql} ALTER COLUMN ${quoteIdent(c.name)}`;
  return [
    ...(c.default !== null ? [stmt(`${column} SET DEFAULT ${c.default}`)] : []),
    ...(c.notNull ? [stmt(`${column} SET NOT NULL`)] : []),
  ];
}

const alterColumn = (c: ColumnObj, action: string) =>
  stmt(`ALTER TABLE ${c.tableSql} ALTER COLUMN ${quoteIdent(c.name)} ${action}`);

/** Whether changing `from` into `to` changes the column's type (dependent views and policies must be rebuilt). */
export function isRetyped(from: ColumnObj, to: ColumnObj): boolean {
  return from.type !== to.type || from.collation !== to.collation;
}

/** The base type without a type modifier, so varchar(10) → varchar(20) needs no USING. */
export const baseType = (type: string) => type.replace(/\(.*\)/, "");

/**
 * `viaText` routes the cast through text, for types with no direct cast between them (one enum to another).
 */
export function retype(from: ColumnObj, to: ColumnObj, viaText = false): Statement[] {
  const cast = viaText ? `::text${to.type.endsWith("[]") ? "[]" : ""}::${to.type}` : `::${to.type}`;
  // A generated column is computed again from its expression; PostgreSQL refuses a USING for it.
  const using =
    baseType(from.type) === baseType(to.type) || to.generated !== null
      ? ""
      : ` USING ${quoteIdent(to.name)}${cast}`;
  const collate = to.collation ? ` COLLATE ${to.collation}` : "";
  // A default of the old type may not cast to the new one, so it is dropped first and set again after.
  const dropDefault = from.default !== null ? [alterColumn(to, "DROP DEFAULT")] : [];
  const setDefault = to.default !== null ? [alterColumn(to, `SET DEFAULT ${to.default}`)] : [];
  return [...dropDefault, alterColumn(to, `TYPE ${to.type}${collate}${using}`), ...setDefault];
}

function usesEnum(column: ColumnObj, model: SchemaModel): boolean {
  return column.dependsOn.some((id) => model.objects[id]?.kind === "enum");
}

/** No cast exists between the two types (two enums, tsrange → tstzrange): convert through text. */
export function needsTextCast(
  from: ColumnObj,
  to: ColumnObj,
  source: SchemaModel,
  target: SchemaModel,
): boolean {
  if (usesEnum(from, source) || usesEnum(to, target)) return true;
  const a = baseType(from.type);
  const b = baseType(to.type);
  if (a === b || !target.casts) return false;
  // Every type converts to and from the string types by I/O, which pg_cast does not list.
  return !target.casts.includes(`${a}=>${b}`) && !TEXT_TYPES.has(a) && !TEXT_TYPES.has(b);
}

const TEXT_TYPES = new Set(["text", "character varying", "character", "name"]);

export const columnSql: Generator<ColumnObj> = {
  create: (c) => [stmt(`ALTER TABLE ${c.tableSql} ADD COLUMN ${columnDefinition(c)}`), ...columnExtras(c)],
  drop: (c) => [stmt(`ALTER TABLE ${c.tableSql} DROP COLUMN ${quoteIdent(c.name)}`)],
  alter: (from, to, ctx) => {
    if (from.inherited && to.inherited) return inheritedColumnChanges(from, to);
    if (to.generated !== null && from.generated !== to.generated) return "recreate";
    const out: Statement[] = [];
    // An identity column takes no default and must be NOT NULL: the identity goes first and comes last.
    if (from.identity && !to.identity) out.push(alterColumn(to, "DROP IDENTITY"));
    if (from.generated !== null && to.generated === null) out.push(alterColumn(to, "DROP EXPRESSION"));
    if (isRetyped(from, to)) out.push(...retype(from, to, needsTextCast(from, to, ctx.source, ctx.target)));
    else if (from.default !== to.default) {
      out.push(alterColumn(to, to.default === null ? "DROP DEFAULT" : `SET DEFAULT ${to.default}`));
    }
    if (from.notNull !== to.notNull) out.push(alterColumn(to, to.notNull ? "SET NOT NULL" : "DROP NOT NULL"));
    out.push(...identityChange(from, to, ctx));
    out.push(...settingChanges(from, to, isRetyped(from, to)));
    out.push(...commentChange(`COLUMN ${to.sqlName}`, from.comment, to.comment));
    out.push(...privilegeChange(`TABLE ${to.tableSql}`, from.grants, to.grants, ` (${quoteIdent(to.name)})`));
    return out;
  },
};

/**
 * The settings of an inherited column that differ from what its parent's column gives it (a default,
 * NOT NULL, a comment, grants), as statements on the column once it exists.
 */
export function inheritedColumnSettings(parent: ColumnObj, column: ColumnObj): Statement[] {
  const given = {
    ...column,
    default: parent.default,
    notNull: parent.notNull,
    comment: null,
    grants: NO_PRIVILEGES,
  };
  return inheritedColumnChanges(given, column);
}

/**
 * A column a table inherits keeps its type, identity and expression from the parent, whose statements
 * change them here too; its default, NOT NULL, comment and grants are its own. ONLY keeps a default or
 * NOT NULL off the table's own children, whose columns get their own statements.
 */
function inheritedColumnChanges(from: ColumnObj, to: ColumnObj): Statement[] {
  const only = (action: string) =>
    stmt(`ALTER TABLE ONLY ${to.tableSql} ALTER COLUMN ${quoteIdent(to.name)} ${action}`);
  return [
    ...(from.default !== to.default
      ? [only(to.default === null ? "DROP DEFAULT" : `SET DEFAULT ${to.default}`)]
      : []),
    ...(from.notNull !== to.notNull ? [only(to.notNull ? "SET NOT NULL" : "DROP NOT NULL")] : []),
    ...commentChange(`COLUMN ${to.sqlName}`, from.comment, to.comment),
    ...privilegeChange(`TABLE ${to.tableSql}`, from.grants, to.grants, ` (${quoteIdent(to.name)})`),
  ];
}

function identityChange(from: ColumnObj, to: ColumnObj, ctx: DiffContext): Statement[] {
  if (!from.identity && to.identity) {
    const options = to.identityOptions ? ` ${identitySequence(to.identityOptions)}` : "";
    const sequence = to.identityOptions;
    return [
      ...moveAsideForIdentity(from, to, ctx),
      alterColumn(to, `ADD GENERATED ${to.identity.toUpperCase()} AS IDENTITY${options}`),
      ...(sequence ? identitySequenceExtras(null, sequence) : []),
      // The serial's sequence, moved aside, hands its place on; values beyond it move the new one further.
      ...(sequence ? carryPosition(from, to, sequence.sequence, ctx) : []),
      ...(sequence ? [sequencePastValues(sequence.sequence, to, sequence.increment)] : []),
    ];
  }
  // Dropping the identity drops its sequence, with the sequence's comment and grants.
  if (!from.identity || !to.identity) return [];
  const out: Statement[] = [];
  if (from.identity !== to.identity) out.push(alterColumn(to, `SET GENERATED ${to.identity.toUpperCase()}`));
  const a = from.identityOptions;
  const b = to.identityOptions;
  if (a && b && a.sequenceName !== b.sequenceName) {
    out.push(...moveAsideForIdentity(from, to, ctx));
    out.push(stmt(`ALTER SEQUENCE ${a.sequence} RENAME TO ${quoteIdent(b.sequenceName)}`));
  }
  if (a && b && identityOptions(a) !== identityOptions(b)) {
    out.push(...valueIntoBounds(b.sequence, a, b));
    out.push(
      alterColumn(
        to,
        `SET START WITH ${b.start} SET INCREMENT BY ${b.increment} SET MINVALUE ${b.min} SET MAXVALUE ${b.max} ` +
          `SET CACHE ${b.cache} SET ${b.cycle ? "CYCLE" : "NO CYCLE"}`,
      ),
    );
  }
  if (b) out.push(...identitySequenceExtras(a, b));
  return out;
}
