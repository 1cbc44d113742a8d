import { createHash } from "node:crypto";
import { attachedIndexes, foreignKeyTables, modelDependents, modelLookup } from "../catalog/lookup.js";
import type { ColumnObj, ConstraintObj, IndexObj, SchemaModel, TableObj } from "../catalog/model.js";
import { quoteIdent } from "../db/quote.js";
import type { Change, Statement } from "../diff/change.js";
import { stmt } from "../diff/change.js";
import { columnDefinition, columnExtras, isRetyped, needsTextCast } from "../diff/sql/columns.js";
import { addConstraint, keyUsingIndex } from "../diff/sql/constraints.js";
import { typeChangeRewrites } from "./annotate/type-change.js";
import { primaryKey } from "./keys.js";
import { copyAsideStatements, type Refill, refillStatements, withPartitions } from "./refill.js";
import { keepValuesStatements, keptValues, putBackStatements } from "./retype-values.js";
import { DEFAULT_LOCK_TIMEOUT_MS, type Phase, type Step } from "./step.js";
import { restoreStatements, saveStatements, TRASH_SCHEMA, type TrashRecord } from "./trash.js";

export interface OnlineOptions {
  source: SchemaModel;
  target: SchemaModel;
  /** true: the simple blocking forms; false: the online rewrites below. */
  downtimeAllowed: boolean;
  lockTimeoutMs?: number;
  batchSize?: number;
  /** Forward plans: drops whose data is copied into the trash first (see trash.ts). */
  keep?: { planName: string; records: TrashRecord[] };
  /** Rollback plans: data to put back once its table or column exists again. */
  restore?: TrashRecord[];
  /** Tables dropped and created again whose rows are carried into the new table (see refill.ts). */
  refills?: Refill[];
  /**
   * Which way the plan runs, and the trash scope both ways share: a type change's swap keeps the old
   * values going forward and puts them back rolling back (see retype-values.ts).
   */
  direction?: { way: "forward" | "rollback"; scope: string };
}

type Draft = Pick<Step, "phase" | "statements" | "backfill"> & { summary: string };

const DEFAULT_BATCH_SIZE = 5000;

/**
 * Turns ordered changes into steps. With downtime allowed each change is one step in its simple form.
 * Otherwise changes that would block traffic on an existing table are rewritten into steps that take only
 * brief locks: concurrent index builds and drops, constraints added NOT VALID then validated, unique and
 * primary keys over a concurrently built index, SET NOT NULL through a validated CHECK, and columns with a
 * volatile default added empty and backfilled in batches.
 */
export function planSteps(changes: Change[], options: OnlineOptions): Step[] {
  const steps: Step[] = [];
  const emit = (change: Change, drafts: Draft[]) => {
    for (const draft of drafts) {
      steps.push({
        id: String(steps.length + 1).padStart(3, "0"),
        summary: draft.summary,
        objectId: change.objectId,
        kind: change.kind,
        action: change.action,
        phase: draft.phase,
        statements: draft.statements,
        backfill: draft.backfill,
        verify: null,
        lockLevel: "ACCESS EXCLUSIVE",
        lockTimeoutMs: options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS,
        statementTimeoutMs: null,
        hazards: [],
        estimate: null,
        destructive: change.destructive && draft.phase !== "backfill",
        transactional: draft.statements.every((s) => s.transactional),
      });
    }
  };
  const { copyAt, fillAfter } = refillPlaces(changes, options);
  // A refilled table gets its rows from the table it replaces, not from the trash.
  const refilled = new Set(
    (options.refills ?? []).flatMap((r) => [...withPartitions(options.target, r.objectId)]),
  );
  for (const [index, change] of changes.entries()) {
    if (change.statements.length > 0) {
      const drafts = draftsFor(change, options, refilled);
      const copies = (copyAt.get(index) ?? []).flatMap(copyAsideStatements);
      const [first, ...rest] = drafts;
      emit(
        change,
        first && copies.length
          ? [{ ...first, statements: [...copies, ...first.statements] }, ...rest]
          : drafts,
      );
    }
    for (const refill of fillAfter.get(index) ?? []) {
      const fill: Change = {
        objectId: refill.objectId,
        kind: "table",
        action: "alter",
        summary: `copy the rows of the dropped ${refill.table} into the new one`,
        statements: refillStatements(refill),
        destructive: false,
      };
      emit(fill, [draft(fill.summary, "backfill", fill.statements)]);
    }
  }
  return steps;
}

/**
 * Where each refill's rows are copied aside (the first drop of the table or one of its partitions) and
 * where they go back in (after the last change that creates or attaches the table or one of its
 * partitions, so every row finds its partition).
 */
function refillPlaces(
  changes: Change[],
  options: OnlineOptions,
): { copyAt: Map<number, Refill[]>; fillAfter: Map<number, Refill[]> } {
  const copyAt = new Map<number, Refill[]>();
  const fillAfter = new Map<number, Refill[]>();
  const add = (map: Map<number, Refill[]>, index: number, refill: Refill) =>
    map.set(index, [...(map.get(index) ?? []), refill]);
  for (const refill of options.refills ?? []) {
    const before = withPartitions(options.source, refill.objectId);
    const after = withPartitions(options.target, refill.objectId);
    const acting = (action: Change["action"], members: Set<string>) =>
      [...changes.entries()].filter(
        ([, c]) => c.action === action && c.statements.length && members.has(c.objectId),
      );
    const firstDrop = acting("drop", before)[0];
    // Partitions that join the new table by ATTACH do so in an alter.
    const lastCreate = [...acting("create", after), ...acting("alter", after)]
      .sort((a, b) => a[0] - b[0])
      .at(-1);
    if (!firstDrop || !lastCreate) continue;
    add(copyAt, firstDrop[0], refill);
    add(fillAfter, lastCreate[0], refill);
  }
  return { copyAt, fillAfter };
}

function draftsFor(change: Change, options: OnlineOptions, refilled: ReadonlySet<string>): Draft[] {
  const restore =
    change.action === "create" && !refilled.has(change.objectId)
      ? options.restore?.find((r) => r.objectId === change.objectId)
      : undefined;
  const column = options.target.objects[change.objectId];
  if (restore?.kind === "column" && column?.kind === "column")
    return restoreColumnDrafts(change, column, restore, options);
  const drafts = withKeptValues(
    change,
    (options.downtimeAllowed ? null : onlineDrafts(change, options)) ?? [simpleDraft(change)],
    options,
  );
  if (restore)
    drafts.push(draft(`restore the rows of ${restore.table}`, "backfill", restoreStatements(restore)));
  const keep =
    change.action === "drop" ? options.keep?.records.find((r) => r.objectId === change.objectId) : undefined;
  const [first, ...rest] = drafts;
  if (keep && first) {
    const what = keep.kind === "table" ? "rows" : "values";
    return [
      {
        ...first,
        summary: `${first.summary} (${what} kept in ${TRASH_SCHEMA} until cleanup)`,
        statements: [...saveStatements(keep, options.keep?.planName ?? ""), ...first.statements],
      },
      ...rest,
    ];
  }
  return drafts;
}

/**
 * A type change whose cast back may alter values: going forward its old values are kept first, in a step
 * of its own (so an online swap still only changes the catalog under its lock); rolling back they are put
 * back after it, in the rows that have not changed since.
 */
function withKeptValues(change: Change, drafts: Draft[], options: OnlineOptions): Draft[] {
  const before = options.source.objects[change.objectId];
  const after = options.target.objects[change.objectId];
  if (
    !options.direction ||
    change.action !== "alter" ||
    before?.kind !== "column" ||
    after?.kind !== "column"
  )
    return drafts;
  const forward = options.direction.way === "forward";
  // The forward's models, whichever way the plan runs: its source holds the original values.
  const models = forward
    ? { source: options.source, target: options.target }
    : { source: options.target, target: options.source };
  const [original, changed] = forward ? [before, after] : [after, before];
  const kept = keptValues(original, changed, models, options.direction.scope);
  if (!kept) return drafts;
  if (forward) {
    const keep = keepValuesStatements(kept, original);
    return [
      draft(`keep the original values of ${original.sqlName} for the rollback`, "backfill", keep),
      ...drafts,
    ];
  }
  const putBack = putBackStatements(kept, original, changed, models);
  return [
    ...drafts,
    draft(`put back the original values of ${original.sqlName} in rows unchanged since`, "backfill", putBack),
  ];
}

/** A dropped column comes back nullable, gets its kept values, and only then its NOT NULL. */
function restoreColumnDrafts(
  change: Change,
  column: ColumnObj,
  record: TrashRecord,
  options: OnlineOptions,
): Draft[] {
  const [, ...extras] = change.statements;
  const nullable: ColumnObj = { ...column, notNull: false };
  const drafts: Draft[] = [
    draft(`${change.summary} (nullable until its values are back)`, "expand", [
      stmt(`ALTER TABLE ${column.tableSql} ADD COLUMN ${columnDefinition(nullable)}`),
      ...extras,
    ]),
    draft(`restore the values of ${column.sqlName}`, "backfill", restoreStatements(record)),
  ];
  if (!column.notNull) return drafts;
  if (!options.downtimeAllowed) return [...drafts, ...notNullDrafts(column)];
  return [
    ...drafts,
    draft(`set ${column.sqlName} NOT NULL`, "contract", [
      stmt(`ALTER TABLE ${column.tableSql} ALTER COLUMN ${quoteIdent(column.name)} SET NOT NULL`),
    ]),
  ];
}

function simpleDraft(change: Change): Draft {
  return {
    summary: change.summary,
    phase: change.action === "drop" ? "contract" : "expand",
    statements: change.statements,
    backfill: null,
  };
}

const draft = (
  summary: string,
  phase: Phase,
  statements: Statement[],
  backfill: Step["backfill"] = null,
): Draft => ({
  summary,
  phase,
  statements,
  backfill,
});

function existingTable(options: OnlineOptions, tableId: string): TableObj | undefined {
  const before = options.source.objects[tableId];
  const after = options.target.objects[tableId];
  return before?.kind === "table" && after?.kind === "table" ? after : undefined;
}

/** Online steps for a change, or null when its simple form is already harmless. */
function onlineDrafts(change: Change, options: OnlineOptions): Draft[] | null {
  const after = options.target.objects[change.objectId];
  const before = options.source.objects[change.objectId];
  if (change.kind === "index" && change.action === "create" && after?.kind === "index") {
    return indexCreate(change, after, options);
  }
  if (change.kind === "index" && change.action === "drop" && before?.kind === "index") {
    const table = existingTable(options, before.table);
    if (!table || table.partitionKey) return null;
    return [
      draft(change.summary, "contract", [stmt(`DROP INDEX CONCURRENTLY IF EXISTS ${before.sqlName}`, false)]),
    ];
  }
  if (change.kind === "constraint" && change.action === "create" && after?.kind === "constraint") {
    return constraintCreate(change, after, options);
  }
  if (change.kind === "column" && change.action === "create" && after?.kind === "column") {
    return columnCreate(change, after, options);
  }
  if (
    change.kind === "column" &&
    change.action === "alter" &&
    after?.kind === "column" &&
    before?.kind === "column"
  ) {
    return columnAlter(change, before, after, options);
  }
  return null;
}

/** `CREATE [UNIQUE] INDEX name ON …` → `CREATE [UNIQUE] INDEX CONCURRENTLY IF NOT EXISTS name ON …`. */
function concurrently(definition: string): string {
  return definition.replace(/^CREATE (UNIQUE )?INDEX /, "CREATE $1INDEX CONCURRENTLY IF NOT EXISTS ");
}

function indexCreate(change: Change, index: IndexObj, options: OnlineOptions): Draft[] | null {
  const table = existingTable(options, index.table);
  // A new table has no traffic to protect.
  if (!table) return null;
  if (table.partitionKey) return partitionedBuild(change, index, options);
  const [build, ...rest] = change.statements;
  if (!build) return null;
  return [
    draft(change.summary, "expand", [stmt(concurrently(index.definition), false)]),
    ...(rest.length ? [draft(`${change.summary}: once built`, "expand", rest)] : []),
  ];
}

/**
 * A partitioned index cannot be built concurrently, but its partitions' indexes can: the diff writes it
 * ON ONLY the parent (nothing to build), then each partition's index (or key), then the attachments that
 * make it valid. Each index of a partition already in use is built concurrently in a step of its own,
 * between the parent's index and the attachments, so no write waits for a build; a partition's key then
 * adopts its index (ADD CONSTRAINT … USING INDEX), as a key on a plain table does online.
 */
function partitionedBuild(change: Change, index: IndexObj, options: OnlineOptions): Draft[] | null {
  /** The statement of the change that builds each such index, and for a key, the ADD … USING INDEX in its place. */
  const builds = new Map<string, { index: IndexObj; adopt: Statement | null }>();
  const children = attachedIndexes(options.target);
  for (let queue = [index.id], id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const child of children.get(id) ?? []) {
      queue.push(child.id);
      const partition = existingTable(options, child.table);
      if (!partition || partition.partitionKey) continue;
      const key = child.ownerConstraint ? options.target.objects[child.ownerConstraint] : undefined;
      if (key?.kind !== "constraint") {
        builds.set(child.definition, { index: child, adopt: null });
        continue;
      }
      const adopt = keyUsingIndex(key, child.name);
      if (adopt) builds.set(addConstraint(key, options).sql, { index: child, adopt });
    }
  }
  const built = change.statements.filter((statement) => builds.has(statement.sql));
  const [parent, ...rest] = change.statements.filter(
    (statement) => !builds.has(statement.sql) || builds.get(statement.sql)?.adopt,
  );
  if (built.length === 0 || !parent) return null;
  return [
    draft(`${change.summary} (on the partitioned table only)`, "expand", [parent]),
    ...built.map((statement) => {
      const build = builds.get(statement.sql) as { index: IndexObj };
      return draft(`build ${build.index.sqlName} for ${change.summary}`, "expand", [
        stmt(concurrently(build.index.definition), false),
      ]);
    }),
    draft(
      `${change.summary}: attach the partitions' indexes`,
      "expand",
      rest.map((statement) => builds.get(statement.sql)?.adopt ?? statement),
    ),
  ];
}

function referencesPartitioned(fk: ConstraintObj, options: OnlineOptions): boolean {
  return [...foreignKeyTables(options.target, fk)].some((id) => {
    const table = options.target.objects[id];
    return table?.kind === "table" && id !== fk.table && table.partitionKey !== null;
  });
}

function constraintCreate(change: Change, constraint: ConstraintObj, options: OnlineOptions): Draft[] | null {
  const table = existingTable(options, constraint.table);
  if (!table) return null;
  const [, ...extras] = change.statements;
  const name = quoteIdent(constraint.name);
  const tail = extras.length ? [draft(`${change.summary}: comment`, "expand", extras)] : [];
  if (constraint.type === "foreign key" || constraint.type === "check") {
    if (!constraint.validated) return null;
    // PostgreSQL before 18 refuses a NOT VALID foreign key on a partitioned table, and validating one that
    // references a partitioned table leaves the clones it makes on the partitions not valid: it is added
    // validated.
    if (
      constraint.type === "foreign key" &&
      (table.partitionKey || referencesPartitioned(constraint, options))
    )
      return null;
    return [
      draft(`${change.summary} (NOT VALID)`, "expand", [
        stmt(`ALTER TABLE ${constraint.tableSql} ADD CONSTRAINT ${name} ${constraint.definition} NOT VALID`),
      ]),
      draft(`validate ${constraint.name} on ${constraint.tableSql}`, "expand", [
        stmt(`ALTER TABLE ${constraint.tableSql} VALIDATE CONSTRAINT ${name}`),
      ]),
      ...tail,
    ];
  }
  const index = modelLookup(options.target).constraintIndexes.get(constraint.id);
  if (index && table.partitionKey) return partitionedBuild(change, index, options);
  const adopt = index ? keyUsingIndex(constraint, index.name) : null;
  if (index && adopt) {
    return [
      draft(`build the index for ${change.summary}`, "expand", [stmt(concurrently(index.definition), false)]),
      draft(change.summary, "expand", [adopt]),
      ...tail,
    ];
  }
  return null;
}

/** SET NOT NULL without a long scan under ACCESS EXCLUSIVE: a validated CHECK lets PostgreSQL skip it. */
function notNullDrafts(column: ColumnObj): Draft[] {
  const check = quoteIdent(`${column.name.slice(0, 40)}_not_null_mm`);
  const table = column.tableSql;
  const name = quoteIdent(column.name);
  return [
    draft(`check ${column.sqlName} IS NOT NULL (NOT VALID)`, "expand", [
      stmt(`ALTER TABLE ${table} ADD CONSTRAINT ${check} CHECK (${name} IS NOT NULL) NOT VALID`),
    ]),
    draft(`validate ${column.sqlName} IS NOT NULL`, "expand", [
      stmt(`ALTER TABLE ${table} VALIDATE CONSTRAINT ${check}`),
    ]),
    draft(`set ${column.sqlName} NOT NULL`, "contract", [
      stmt(`ALTER TABLE ${table} ALTER COLUMN ${name} SET NOT NULL`),
      stmt(`ALTER TABLE ${table} DROP CONSTRAINT ${check}`),
    ]),
  ];
}

function columnCreate(change: Change, column: ColumnObj, options: OnlineOptions): Draft[] | null {
  const table = existingTable(options, column.table);
  if (!table || column.identity || column.generated !== null || column.inherited) return null;
  const needsBackfill = column.default !== null && column.defaultVolatile;
  const needsNotNull = column.notNull && (needsBackfill || column.default === null);
  if (!needsBackfill && !needsNotNull) return null;
  const [, ...extras] = change.statements;
  const bare: ColumnObj = { ...column, default: null, notNull: false };
  const name = quoteIdent(column.name);
  const drafts: Draft[] = [
    draft(`${change.summary} (nullable, no default)`, "expand", [
      stmt(`ALTER TABLE ${column.tableSql} ADD COLUMN ${columnDefinition(bare)}`),
      ...extras,
    ]),
  ];
  if (column.default !== null) {
    drafts.push(
      draft(`set default of ${column.sqlName}`, "expand", [
        stmt(`ALTER TABLE ${column.tableSql} ALTER COLUMN ${name} SET DEFAULT ${column.default}`),
      ]),
    );
  }
  if (needsBackfill) {
    const key = primaryKey(options.target, column.table);
    const set = `${name} = ${column.default}`;
    const pending = `${name} IS NULL`;
    drafts.push(
      draft(
        `backfill ${column.sqlName}`,
        "backfill",
        [stmt(`UPDATE ${column.tableSql} SET ${set} WHERE ${pending}`)],
        key
          ? { table: column.tableSql, key, set, pending, batchSize: options.batchSize ?? DEFAULT_BATCH_SIZE }
          : null,
      ),
    );
  }
  if (needsNotNull) drafts.push(...notNullDrafts(column));
  return drafts;
}

function columnAlter(
  change: Change,
  before: ColumnObj,
  after: ColumnObj,
  options: OnlineOptions,
): Draft[] | null {
  if (!existingTable(options, after.table)) return null;
  if (
    isRetyped(before, after) &&
    typeChangeRewrites(before.type, after.type, new Set(options.target.binaryCoercible))
  ) {
    return typeSwap(before, after, options);
  }
  if (before.notNull || !after.notNull) return null;
  // ADD … AS IDENTITY needs NOT NULL first, in the same step.
  if (after.identity && !before.identity) return null;
  const setNotNull = change.statements.filter((s) => / ALTER COLUMN .* SET NOT NULL$/.test(s.sql));
  if (setNotNull.length !== 1) return null;
  const rest = change.statements.filter((s) => !setNotNull.includes(s));
  return [...(rest.length ? [draft(change.summary, "expand", rest)] : []), ...notNullDrafts(after)];
}

/**
 * A type change that would rewrite the table under ACCESS EXCLUSIVE becomes: a new column kept in sync by
 * a trigger, a batched backfill, then a swap in the contract phase that only changes the catalog. Columns
 * that other objects use (indexes, constraints, views), keys, identity and generated columns keep the
 * simple form, which the step's hazards flag.
 */
function typeSwap(before: ColumnObj, after: ColumnObj, options: OnlineOptions): Draft[] | null {
  const key = primaryKey(options.target, after.table);
  // Views are rebuilt around a type change by the diff anyway; indexes and constraints would be lost.
  const usedElsewhere = (modelDependents(options.target).get(after.id) ?? []).some((id) => {
    const kind = options.target.objects[id]?.kind;
    return kind !== "view" && kind !== "materialized view";
  });
  const name = quoteIdent(after.name);
  if (
    !key ||
    key.includes(name) ||
    usedElsewhere ||
    after.identity ||
    after.generated !== null ||
    after.inherited
  ) {
    return null;
  }
  const table = after.tableSql;
  const shadow = quoteIdent(`${after.name.slice(0, 50)}__mm_new`);
  const tag = createHash("sha256").update(after.id).digest("hex").slice(0, 12);
  const fn = `migrate_mcp.sync_${tag}`;
  const trigger = quoteIdent(`migrate_mcp_sync_${tag}`);
  const text = needsTextCast(before, after, options.source, options.target);
  const cast = (column: string) => `${column}${text ? "::text" : ""}::${after.type}`;
  const collate = after.collation ? ` COLLATE ${after.collation}` : "";
  const check = quoteIdent(`${after.name.slice(0, 40)}_not_null_mm`);
  const set = `${shadow} = ${cast(name)}`;
  const pending = `${name} IS NOT NULL AND ${shadow} IS NULL`;
  const drafts: Draft[] = [
    draft(
      `add ${after.sqlName} as ${after.type} beside the old column, kept in sync by a trigger`,
      "expand",
      [
        stmt(`ALTER TABLE ${table} ADD COLUMN ${shadow} ${after.type}${collate}`),
        stmt("CREATE SCHEMA IF NOT EXISTS migrate_mcp"),
        stmt(
          `CREATE OR REPLACE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $mm$ BEGIN NEW.${shadow} := ${cast(`NEW.${name}`)}; RETURN NEW; END $mm$`,
        ),
        stmt(
          `CREATE TRIGGER ${trigger} BEFORE INSERT OR UPDATE ON ${table} FOR EACH ROW EXECUTE FUNCTION ${fn}()`,
        ),
      ],
    ),
    draft(
      `backfill ${after.sqlName} as ${after.type}`,
      "backfill",
      [stmt(`UPDATE ${table} SET ${set} WHERE ${pending}`)],
      {
        table,
        key,
        set,
        pending,
        batchSize: options.batchSize ?? DEFAULT_BATCH_SIZE,
      },
    ),
  ];
  if (after.notNull) {
    drafts.push(
      draft(`check the new ${after.sqlName} IS NOT NULL (NOT VALID)`, "expand", [
        stmt(`ALTER TABLE ${table} ADD CONSTRAINT ${check} CHECK (${shadow} IS NOT NULL) NOT VALID`),
      ]),
      draft(`validate the new ${after.sqlName} IS NOT NULL`, "expand", [
        stmt(`ALTER TABLE ${table} VALIDATE CONSTRAINT ${check}`),
      ]),
    );
  }
  const column = (action: string) => stmt(`ALTER TABLE ${table} ALTER COLUMN ${name} ${action}`);
  drafts.push(
    draft(`swap ${after.sqlName} to ${after.type}`, "contract", [
      stmt(`DROP TRIGGER ${trigger} ON ${table}`),
      stmt(`DROP FUNCTION ${fn}()`),
      stmt(`ALTER TABLE ${table} DROP COLUMN ${name}`),
      stmt(`ALTER TABLE ${table} RENAME COLUMN ${shadow} TO ${name}`),
      ...(after.default !== null ? [column(`SET DEFAULT ${after.default}`)] : []),
      ...(after.notNull
        ? [column("SET NOT NULL"), stmt(`ALTER TABLE ${table} DROP CONSTRAINT ${check}`)]
        : []),
      ...columnExtras(after),
    ]),
  );
  return drafts;
}
