import { objectList } from "../../catalog/lookup.js";
import type { ConstraintObj, IndexObj } from "../../catalog/model.js";
import { quoteIdent } from "../../db/quote.js";
import { type DiffContext, type Generator, type Statement, stmt } from "../change.js";
import { commentChange, commentOnCreate, optionChanges } from "./common.js";

const withoutNotValid = (definition: string) => definition.replace(/ NOT VALID$/, "");

/** SET or RESET of the storage options of a key's index, which ADD CONSTRAINT's definition cannot carry. */
function indexOptionChanges(from: string[], to: ConstraintObj): Statement[] {
  return to.indexSql ? optionChanges(`ALTER INDEX ${to.indexSql}`, from, to.indexOptions) : [];
}

/**
 * A key of a partitioned table is added to the parent alone (ONLY), as pg_dump adds it; the diff adds and
 * attaches each partition's key under the target's name (addPartitionIndexAttachments). Cascading, the
 * partitions would get keys PostgreSQL names, or one of several equal indexes it picks.
 */
export function keyOnlyOnParent(c: ConstraintObj, ctx: DiffContext): boolean {
  const table = ctx.target.objects[c.table];
  return (
    ["primary key", "unique", "exclusion"].includes(c.type) && table?.kind === "table" && !!table.partitionKey
  );
}

/**
 * `ADD CONSTRAINT … PRIMARY KEY | UNIQUE USING INDEX`: the key adopts an index that exists already (built
 * concurrently, or a partition's own), a catalog change only. Null for a key it cannot express: another
 * type, or a deferrable key, whose options USING INDEX would not carry here.
 */
export function keyUsingIndex(c: ConstraintObj, index: string): Statement | null {
  const kind = c.type === "primary key" ? "PRIMARY KEY" : c.type === "unique" ? "UNIQUE" : null;
  if (kind === null || /DEFERRABLE/.test(c.definition)) return null;
  return stmt(
    `ALTER TABLE ${c.tableSql} ADD CONSTRAINT ${quoteIdent(c.name)} ${kind} USING INDEX ${quoteIdent(index)}`,
  );
}

/** `ALTER TABLE … ADD CONSTRAINT`, ONLY for a partitioned table's key (keyOnlyOnParent). */
export function addConstraint(c: ConstraintObj, ctx: DiffContext): Statement {
  return stmt(
    `ALTER TABLE ${keyOnlyOnParent(c, ctx) ? "ONLY " : ""}${c.tableSql} ADD CONSTRAINT ${quoteIdent(c.name)} ${c.definition}`,
  );
}

export const constraintSql: Generator<ConstraintObj> = {
  create: (c, ctx) => [
    addConstraint(c, ctx),
    ...indexOptionChanges([], c),
    ...commentOnCreate(`CONSTRAINT ${quoteIdent(c.name)} ON ${c.tableSql}`, c.comment),
  ],
  drop: (c) => [stmt(`ALTER TABLE ${c.tableSql} DROP CONSTRAINT ${quoteIdent(c.name)}`)],
  alter: (from, to) => {
    if (withoutNotValid(from.definition) !== withoutNotValid(to.definition)) return "recreate";
    if (from.validated && !to.validated) return "recreate";
    const out: Statement[] = [];
    if (!from.validated && to.validated) {
      out.push(stmt(`ALTER TABLE ${to.tableSql} VALIDATE CONSTRAINT ${quoteIdent(to.name)}`));
    }
    out.push(...indexOptionChanges(from.indexOptions, to));
    out.push(
      ...commentChange(`CONSTRAINT ${quoteIdent(to.name)} ON ${to.tableSql}`, from.comment, to.comment),
    );
    return out;
  },
};

/**
 * CLUSTER ON and the comment, from `from` (null: an index just built) to `to`. Also for the indexes a key
 * constraint or a parent's index builds, which are not diffed on their own but may carry both.
 */
export function indexSettings(from: IndexObj | null, to: IndexObj, ctx: DiffContext): Statement[] {
  const out: Statement[] = [];
  const clustered = from?.clustered ?? false;
  if (!clustered && to.clustered)
    out.push(stmt(`ALTER TABLE ${to.tableSql} CLUSTER ON ${quoteIdent(to.name)}`));
  // CLUSTER ON another index of the table takes the mark off this one; SET WITHOUT CLUSTER would take it
  // off that one too, if it ran after.
  const movesToAnother = () =>
    objectList(ctx.target).some(
      (o) => o.kind === "index" && o.table === to.table && o.clustered && o.id !== to.id,
    );
  if (clustered && !to.clustered && !movesToAnother()) {
    out.push(stmt(`ALTER TABLE ${to.tableSql} SET WITHOUT CLUSTER`));
  }
  out.push(...commentChange(`INDEX ${to.sqlName}`, from?.comment ?? null, to.comment));
  return out;
}

export const indexSql: Generator<IndexObj> = {
  // An index on a partitioned table is created ON ONLY the parent, as pg_get_indexdef gives it; the diff
  // builds and attaches each partition's index (addPartitionIndexAttachments).
  create: (i, ctx) => [stmt(i.definition), ...indexSettings(null, i, ctx)],
  drop: (i) => [stmt(`DROP INDEX ${i.sqlName}`)],
  alter: (from, to, ctx) => (from.definition !== to.definition ? "recreate" : indexSettings(from, to, ctx)),
};
