import { objectList } from "../../catalog/lookup.js";
import type {
  CompositeAttribute,
  CompositeObj,
  DomainConstraint,
  DomainObj,
  EnumObj,
  RangeObj,
} from "../../catalog/model.js";
import { quoteIdent, quoteLiteral } from "../../db/quote.js";
import { MigrateError } from "../../errors.js";
import { type DiffContext, type Generator, type Statement, stmt } from "../change.js";
import { commentChange, commentOnCreate, NO_PRIVILEGES, privilegeChange } from "./common.js";

const labelList = (labels: string[]) => labels.map(quoteLiteral).join(", ");

export function enumCreate(e: EnumObj): Statement[] {
  return [
    stmt(`CREATE TYPE ${e.sqlName} AS ENUM (${labelList(e.labels)})`),
    ...commentOnCreate(`TYPE ${e.sqlName}`, e.comment),
    ...privilegeChange(`TYPE ${e.sqlName}`, NO_PRIVILEGES, e.grants),
  ];
}

/**
 * ADD VALUE statements when `to` only inserts labels into `from` (order of the old labels kept), else null.
 * ADD VALUE must commit before the new value can be used, so each stands outside a transaction.
 */
export function enumAdditions(from: EnumObj, to: EnumObj): Statement[] | null {
  const kept = to.labels.filter((label) => from.labels.includes(label));
  if (kept.length !== from.labels.length || kept.some((label, i) => label !== from.labels[i])) return null;
  const out: Statement[] = [];
  to.labels.forEach((label, i) => {
    if (from.labels.includes(label)) return;
    const next = to.labels.slice(i + 1).find((l) => from.labels.includes(l));
    const position = next === undefined ? "" : ` BEFORE ${quoteLiteral(next)}`;
    out.push(stmt(`ALTER TYPE ${to.sqlName} ADD VALUE ${quoteLiteral(label)}${position}`, false));
  });
  return out;
}

/** Enum changes other than additions are made by the diff (recast of the columns that use the type). */
export const enumSql: Generator<EnumObj> = {
  create: enumCreate,
  drop: (e) => [stmt(`DROP TYPE ${e.sqlName}`)],
  alter: (from, to) => [
    ...(enumAdditions(from, to) ?? []),
    ...commentChange(`TYPE ${to.sqlName}`, from.comment, to.comment),
    ...privilegeChange(`TYPE ${to.sqlName}`, from.grants, to.grants),
  ],
};

const domainConstraintComment = (d: DomainObj, c: DomainConstraint, from: DomainConstraint | null) =>
  commentChange(`CONSTRAINT ${quoteIdent(c.name)} ON DOMAIN ${d.sqlName}`, from?.comment ?? null, c.comment);

/** A domain constraint added, with its comment (a constraint added again has lost the old one). */
const addDomainConstraint = (d: DomainObj, c: DomainConstraint) => [
  stmt(`ALTER DOMAIN ${d.sqlName} ADD CONSTRAINT ${quoteIdent(c.name)} ${c.definition}`),
  ...domainConstraintComment(d, c, null),
];

export const domainSql: Generator<DomainObj> = {
  create: (d) => [
    stmt(
      `CREATE DOMAIN ${d.sqlName} AS ${d.baseType}${d.collation ? ` COLLATE ${d.collation}` : ""}` +
        `${d.default !== null ? ` DEFAULT ${d.default}` : ""}${d.notNull ? " NOT NULL" : ""}`,
    ),
    ...d.constraints.flatMap((c) => addDomainConstraint(d, c)),
    ...commentOnCreate(`DOMAIN ${d.sqlName}`, d.comment),
    ...privilegeChange(`DOMAIN ${d.sqlName}`, NO_PRIVILEGES, d.grants),
  ],
  drop: (d) => [stmt(`DROP DOMAIN ${d.sqlName}`)],
  alter: (from, to) => {
    if (from.baseType !== to.baseType || from.collation !== to.collation) return "recreate";
    const out: Statement[] = [];
    if (from.default !== to.default) {
      out.push(
        stmt(
          `ALTER DOMAIN ${to.sqlName} ${to.default === null ? "DROP DEFAULT" : `SET DEFAULT ${to.default}`}`,
        ),
      );
    }
    if (from.notNull !== to.notNull) {
      out.push(stmt(`ALTER DOMAIN ${to.sqlName} ${to.notNull ? "SET" : "DROP"} NOT NULL`));
    }
    const before = new Map(from.constraints.map((c) => [c.name, c]));
    const after = new Map(to.constraints.map((c) => [c.name, c]));
    for (const [name, c] of before) {
      const next = after.get(name);
      if (!next || next.definition.replace(/ NOT VALID$/, "") !== c.definition.replace(/ NOT VALID$/, "")) {
        out.push(stmt(`ALTER DOMAIN ${to.sqlName} DROP CONSTRAINT ${quoteIdent(name)}`));
        before.delete(name);
      }
    }
    for (const [name, c] of after) {
      const previous = before.get(name);
      if (!previous) {
        out.push(...addDomainConstraint(to, c));
      } else if (previous.validated && !c.validated) {
        out.push(stmt(`ALTER DOMAIN ${to.sqlName} DROP CONSTRAINT ${quoteIdent(name)}`));
        out.push(...addDomainConstraint(to, c));
      } else {
        if (!previous.validated && c.validated) {
          out.push(stmt(`ALTER DOMAIN ${to.sqlName} VALIDATE CONSTRAINT ${quoteIdent(name)}`));
        }
        out.push(...domainConstraintComment(to, c, previous));
      }
    }
    out.push(...commentChange(`DOMAIN ${to.sqlName}`, from.comment, to.comment));
    out.push(...privilegeChange(`DOMAIN ${to.sqlName}`, from.grants, to.grants));
    return out;
  },
};

const attribute = (a: CompositeAttribute) =>
  `${quoteIdent(a.name)} ${a.type}${a.collation ? ` COLLATE ${a.collation}` : ""}`;

/** COMMENT ON COLUMN for an attribute; `from` is null for an attribute just added. */
const attributeComment = (t: CompositeObj, a: CompositeAttribute, from: CompositeAttribute | null) =>
  commentChange(`COLUMN ${t.sqlName}.${quoteIdent(a.name)}`, from?.comment ?? null, a.comment);

/**
 * PostgreSQL cannot change an attribute's type while a table column stores the composite ("cannot alter
 * type … because column … uses it"), and rebuilding the type would drop those columns' values.
 */
function refuseRetypeInUse(ctx: DiffContext, type: CompositeObj, attribute: string): void {
  const users = objectList(ctx.source).filter((o) => o.kind === "column" && o.dependsOn.includes(type.id));
  if (users.length === 0) return;
  throw new MigrateError(
    "UNSUPPORTED",
    `cannot change the type of attribute ${quoteIdent(attribute)} of composite type ${type.sqlName} while ${users.map((u) => `column ${u.sqlName}`).join(", ")} stores it: PostgreSQL cannot convert stored values; add a new attribute instead, or migrate it by hand`,
  );
}

/**
 * Attribute order is part of a composite type: the longest target prefix that the old attributes already
 * spell out in order stays; every other attribute is dropped and the rest added in order.
 */
function keptPrefix(from: CompositeObj, to: CompositeObj): number {
  const kept = from.attributes.filter((a) => to.attributes.some((b) => b.name === a.name));
  let prefix = 0;
  while (prefix < to.attributes.length && to.attributes[prefix]?.name === kept[prefix]?.name) prefix++;
  return prefix;
}

/**
 * The old attributes whose stored values an in-place ALTER TYPE would lose: those dropped for good, and
 * those dropped and added again to make room for an attribute inserted before them.
 */
export function attributesLosingValues(from: CompositeObj, to: CompositeObj): string[] {
  const stays = new Set(to.attributes.slice(0, keptPrefix(from, to)).map((a) => a.name));
  return from.attributes.filter((a) => !stays.has(a.name)).map((a) => a.name);
}

export const compositeSql: Generator<CompositeObj> = {
  create: (t) => [
    stmt(`CREATE TYPE ${t.sqlName} AS (${t.attributes.map(attribute).join(", ")})`),
    ...t.attributes.flatMap((a) => attributeComment(t, a, null)),
    ...commentOnCreate(`TYPE ${t.sqlName}`, t.comment),
    ...privilegeChange(`TYPE ${t.sqlName}`, NO_PRIVILEGES, t.grants),
  ],
  drop: (t) => [stmt(`DROP TYPE ${t.sqlName}`)],
  alter: (from, to, ctx) => {
    const out: Statement[] = [];
    // Typed tables (CREATE TABLE … OF) take the attribute changes as column changes.
    const typed = objectList(ctx.target).some((o) => o.kind === "table" && o.ofType === to.id);
    const cascade = typed ? " CASCADE" : "";
    const prefix = keptPrefix(from, to);
    const stays = new Set(to.attributes.slice(0, prefix).map((a) => a.name));
    for (const a of from.attributes) {
      if (!stays.has(a.name))
        out.push(stmt(`ALTER TYPE ${to.sqlName} DROP ATTRIBUTE ${quoteIdent(a.name)}${cascade}`));
    }
    for (const [i, a] of to.attributes.entries()) {
      const previous = from.attributes.find((p) => p.name === a.name);
      if (i >= prefix) {
        out.push(stmt(`ALTER TYPE ${to.sqlName} ADD ATTRIBUTE ${attribute(a)}${cascade}`));
        out.push(...attributeComment(to, a, null));
        continue;
      }
      if (previous && (previous.type !== a.type || previous.collation !== a.collation)) {
        refuseRetypeInUse(ctx, from, a.name);
        const collate = a.collation ? ` COLLATE ${a.collation}` : "";
        out.push(
          stmt(
            `ALTER TYPE ${to.sqlName} ALTER ATTRIBUTE ${quoteIdent(a.name)} TYPE ${a.type}${collate}${cascade}`,
          ),
        );
      }
      out.push(...attributeComment(to, a, previous ?? null));
    }
    out.push(...commentChange(`TYPE ${to.sqlName}`, from.comment, to.comment));
    out.push(...privilegeChange(`TYPE ${to.sqlName}`, from.grants, to.grants));
    return out;
  },
};

const rangeTarget = (r: RangeObj) => `TYPE ${r.sqlName}`;

/** Nothing of a range type but its comment and privileges can be altered. */
export const rangeSql: Generator<RangeObj> = {
  create: (r) => {
    const options = [
      `SUBTYPE = ${r.subtype}`,
      ...(r.subtypeOpclass ? [`SUBTYPE_OPCLASS = ${r.subtypeOpclass}`] : []),
      ...(r.collation ? [`COLLATION = ${r.collation}`] : []),
      ...(r.subtypeDiff ? [`SUBTYPE_DIFF = ${r.subtypeDiff}`] : []),
      `MULTIRANGE_TYPE_NAME = ${r.multirange}`,
    ];
    return [
      stmt(`CREATE TYPE ${r.sqlName} AS RANGE (${options.join(", ")})`),
      ...commentOnCreate(rangeTarget(r), r.comment),
      ...privilegeChange(rangeTarget(r), NO_PRIVILEGES, r.grants),
    ];
  },
  drop: (r) => [stmt(`DROP TYPE ${r.sqlName}`)],
  alter: (from, to) => {
    const same =
      from.subtype === to.subtype &&
      from.subtypeOpclass === to.subtypeOpclass &&
      from.collation === to.collation &&
      from.subtypeDiff === to.subtypeDiff &&
      from.multirange === to.multirange;
    if (!same) return "recreate";
    return [
      ...commentChange(rangeTarget(to), from.comment, to.comment),
      ...privilegeChange(rangeTarget(to), from.grants, to.grants),
    ];
  },
};
