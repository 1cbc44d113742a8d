import type { ColumnObj, SchemaModel, SequenceObj } from "../../catalog/model.js";
import { quoteIdent, quoteLiteral } from "../../db/quote.js";
import { type DiffContext, type Statement, stmt } from "../change.js";
import { asideName } from "./common.js";

/**
 * A serial column that becomes an identity (or back) keeps the sequence's name on both sides, but the two
 * sequences are different objects: the new one cannot be created while the old one holds the name. The
 * old one is renamed aside first, and dropped (or goes with its identity) under that name.
 */

const bySequence = new WeakMap<SchemaModel, Map<string, ColumnObj>>();

/** Identity columns by the quoted name of their sequence; models never change once introspected. */
function identityColumns(model: SchemaModel): Map<string, ColumnObj> {
  let index = bySequence.get(model);
  if (!index) {
    index = new Map();
    for (const object of Object.values(model.objects)) {
      if (object.kind === "column" && object.identity && object.identityOptions)
        index.set(object.identityOptions.sequence, object);
    }
    bySequence.set(model, index);
  }
  return index;
}

/**
 * The source sequence (one the target drops) whose name `to`'s identity sequence takes. Only one the old
 * column uses counts: its drop then comes after the column's change, which has moved it aside.
 */
function sequenceInTheWay(from: ColumnObj, to: ColumnObj, ctx: DiffContext): SequenceObj | null {
  const name = to.identityOptions?.sequence;
  if (!to.identity || !name || from.identityOptions?.sequence === name) return null;
  const old = ctx.source.objects[`rel:${name}`];
  if (old?.kind !== "sequence" || ctx.target.objects[old.id] || !from.dependsOn.includes(old.id)) return null;
  return old;
}

/** Before a column's identity takes a sequence's name: that sequence, renamed aside. */
export function moveAsideForIdentity(from: ColumnObj, to: ColumnObj, ctx: DiffContext): Statement[] {
  const old = sequenceInTheWay(from, to, ctx);
  return old ? [stmt(`ALTER SEQUENCE ${old.sqlName} RENAME TO ${quoteIdent(asideName(old.name))}`)] : [];
}

/**
 * The position of the serial's sequence an identity takes the name of, handed to the identity's sequence
 * (the serial's is then dropped under its aside name).
 */
export function carryPosition(
  from: ColumnObj,
  to: ColumnObj,
  sequence: string,
  ctx: DiffContext,
): Statement[] {
  const old = sequenceInTheWay(from, to, ctx);
  if (!old) return [];
  const aside = `${quoteIdent(old.schema)}.${quoteIdent(asideName(old.name))}`;
  return [
    stmt(`SELECT pg_catalog.setval(${quoteLiteral(sequence)}, o.last_value, o.is_called) FROM ${aside} o`),
  ];
}

/**
 * Whether an identity takes the dropped sequence's name (see moveAsideForIdentity), and with it the
 * sequence's position (carryPosition): then the drop loses nothing.
 */
export function handedToIdentity(s: SequenceObj, ctx: DiffContext): boolean {
  const taker = identityColumns(ctx.target).get(s.sqlName);
  const before = taker && ctx.source.objects[taker.id];
  return (
    taker !== undefined && before?.kind === "column" && sequenceInTheWay(before, taker, ctx)?.id === s.id
  );
}

/** The dropped sequence's name when an identity took its own, else its own. */
export function droppedSequenceName(s: SequenceObj, ctx: DiffContext): string {
  return handedToIdentity(s, ctx) ? `${quoteIdent(s.schema)}.${quoteIdent(asideName(s.name))}` : s.sqlName;
}

/**
 * Before a sequence is created under the name of an identity sequence whose column stops being an identity
 * (or goes): that identity sequence, renamed aside; its DROP IDENTITY or DROP COLUMN then removes it under
 * the new name. IF EXISTS, because that drop may already have run.
 */
export function moveIdentityAside(s: SequenceObj, ctx: DiffContext): Statement[] {
  const holder = identityColumns(ctx.source).get(s.sqlName);
  if (!holder?.identityOptions) return [];
  const after = ctx.target.objects[holder.id];
  if (after?.kind === "column" && after.identity) return [];
  const aside = quoteIdent(asideName(holder.identityOptions.sequenceName));
  return [stmt(`ALTER SEQUENCE IF EXISTS ${s.sqlName} RENAME TO ${aside}`)];
}
