/**
 * The hazard catalog: every risk the linter (and later the planner) can attach to a statement, with a stable
 * code, the lock it takes, what that lock blocks and for how long, and the safe rewrite. Codes never change
 * meaning once published; new hazards get new codes. docs/hazards.md renders this same data.
 */

export type Severity = "error" | "warning" | "info";

/**
 * How a hazard's cost depends on the table: `scales` when the lock is held for a scan, rewrite or build of
 * the whole table (so a tiny table makes it harmless), `fails-if-rows` when the statement only fails on a
 * table that has rows, `none` when size does not matter (data loss, renames, type choices).
 */
export type SizeEffect = "scales" | "fails-if-rows" | "none";

/** The same rule in other tools, by their own names; empty when the tool has no equivalent. */
export interface Equivalents {
  squawk: string[];
  atlas: string[];
  pgSchemaDiff: string[];
  strongMigrations: string[];
}

export interface HazardInfo {
  code: HazardCode;
  name: string;
  severity: Severity;
  /** One line: what goes wrong. */
  summary: string;
  /** The lock taken, what it blocks, and for how long. */
  lock: string;
  /** The safe way to get the same result. */
  rewrite: string;
  size: SizeEffect;
  equivalents: Equivalents;
}

export type HazardCode =
  | "MM000"
  | "MM001"
  | "MM002"
  | "MM003"
  | "MM004"
  | "MM005"
  | "MM006"
  | "MM007"
  | "MM008"
  | "MM101"
  | "MM102"
  | "MM103"
  | "MM104"
  | "MM105"
  | "MM106"
  | "MM107"
  | "MM108"
  | "MM109"
  | "MM201"
  | "MM202"
  | "MM203"
  | "MM204"
  | "MM205"
  | "MM206"
  | "MM207"
  | "MM208"
  | "MM209"
  | "MM210"
  | "MM211"
  | "MM212"
  | "MM213"
  | "MM214"
  | "MM301"
  | "MM302"
  | "MM303"
  | "MM304"
  | "MM305"
  | "MM306"
  | "MM307"
  | "MM308"
  | "MM309"
  | "MM401"
  | "MM402"
  | "MM403"
  | "MM404"
  | "MM501"
  | "MM502"
  | "MM503"
  | "MM504"
  | "MM505"
  | "MM506"
  | "MM601"
  | "MM602"
  | "MM603"
  | "MM604"
  | "MM605"
  | "MM606"
  | "MM607"
  | "MM608"
  | "MM609"
  | "MM610";

type Entry = Omit<HazardInfo, "code" | "equivalents"> & { equivalents: Partial<Equivalents> };

const ACCESS_EXCLUSIVE_REWRITE =
  "ACCESS EXCLUSIVE on the table: blocks every read and write for the whole table rewrite";

const ENTRIES: Record<HazardCode, Entry> = {
  // --- MM0xx: the script as a whole: parsing, transactions, timeouts ---
  MM000: {
    name: "syntax-error",
    severity: "error",
    summary: "PostgreSQL cannot parse the file, so nothing in it was checked",
    lock: "None: the file fails at this statement (statements before it may already have run)",
    rewrite: "Fix the syntax at the reported position",
    size: "none",
    equivalents: { squawk: ["syntax-error"] },
  },
  MM001: {
    name: "missing-lock-timeout",
    severity: "warning",
    summary: "a lock-taking statement runs without lock_timeout; while it waits, every later query queues",
    lock: "Whatever the statement needs (often ACCESS EXCLUSIVE); while it waits for running transactions, all reads and writes queued behind it wait too, with no limit",
    rewrite:
      "Start the migration with SET lock_timeout = '5s' (SET LOCAL inside a transaction) and retry on timeout",
    size: "none",
    equivalents: { squawk: ["require-timeout-settings"], strongMigrations: ["lock_timeout"] },
  },
  MM002: {
    name: "missing-statement-timeout",
    severity: "info",
    summary: "no statement_timeout: a statement that runs long holds its locks until it finishes",
    lock: "Locks are held for the statement's whole run, with no upper bound",
    rewrite:
      "SET statement_timeout to a bound that fits the longest expected statement (generous for concurrent index builds)",
    size: "none",
    equivalents: { squawk: ["require-timeout-settings"], strongMigrations: ["statement_timeout"] },
  },
  MM003: {
    name: "concurrently-in-transaction",
    severity: "error",
    summary: "CONCURRENTLY cannot run inside a transaction block; the statement fails",
    lock: "None: PostgreSQL rejects the statement and aborts the transaction",
    rewrite:
      "Run the CONCURRENTLY statement on its own, outside BEGIN … COMMIT (and with the runner's per-file transaction off)",
    size: "none",
    equivalents: {
      squawk: ["ban-concurrent-index-creation-in-transaction"],
      atlas: ["PG103"],
      strongMigrations: ["adding an index non-concurrently (disable_ddl_transaction!)"],
    },
  },
  MM004: {
    name: "transaction-nesting",
    severity: "warning",
    summary: "BEGIN inside an open transaction, or COMMIT/ROLLBACK with none open",
    lock: "Locks taken so far are held until the real outer transaction ends",
    rewrite: "Use one BEGIN … COMMIT per file, or none when the migration runner wraps each file",
    size: "none",
    equivalents: { squawk: ["transaction-nesting"] },
  },
  MM005: {
    name: "uncommitted-transaction",
    severity: "warning",
    summary:
      "BEGIN without a matching COMMIT: locks are held until the session ends, then the work rolls back",
    lock: "Every lock taken after BEGIN, until the session ends",
    rewrite: "End the transaction with COMMIT in the same file",
    size: "none",
    equivalents: { squawk: ["ban-uncommitted-transaction"] },
  },
  MM006: {
    name: "unanalyzable-sql",
    severity: "info",
    summary: "a DO block runs procedural code the linter cannot see into",
    lock: "Unknown: whatever the code inside takes",
    rewrite: "Write the DDL as plain statements so it can be checked, or review the block by hand",
    size: "none",
    equivalents: { pgSchemaDiff: ["IS_USER_GENERATED"], strongMigrations: ["executing SQL directly"] },
  },
  MM007: {
    name: "replace-function",
    severity: "info",
    summary:
      "CREATE OR REPLACE changes code that views, triggers and other functions call; PostgreSQL does not track dependencies inside function bodies",
    lock: "A brief lock on the function; every caller runs the new body at once",
    rewrite: "Create a new function version, move callers to it, then drop the old one",
    size: "none",
    equivalents: { pgSchemaDiff: ["HAS_UNTRACKABLE_DEPENDENCIES"] },
  },
  MM008: {
    name: "identifier-too-long",
    severity: "warning",
    summary: "PostgreSQL truncates identifiers to 63 bytes, so the object gets another name than written",
    lock: "None",
    rewrite: "Use a name of at most 63 bytes",
    size: "none",
    equivalents: { squawk: ["identifier-too-long"] },
  },

  // --- MM1xx: columns and table rewrites ---
  MM101: {
    name: "add-not-null-without-default",
    severity: "error",
    summary: "ADD COLUMN … NOT NULL without a DEFAULT fails on any table that has rows",
    lock: "ACCESS EXCLUSIVE on the table; the statement errors out at the first existing row",
    rewrite:
      "Add the column nullable (or with a constant DEFAULT), backfill in batches, add CHECK (col IS NOT NULL) NOT VALID, VALIDATE it, then SET NOT NULL",
    size: "fails-if-rows",
    equivalents: {
      squawk: ["adding-required-field", "adding-not-nullable-field"],
      atlas: ["MF103"],
    },
  },
  MM102: {
    name: "add-column-volatile-default",
    severity: "error",
    summary:
      "ADD COLUMN with a volatile DEFAULT (random(), gen_random_uuid(), nextval() …) rewrites every row",
    lock: ACCESS_EXCLUSIVE_REWRITE,
    rewrite:
      "Add the column without a default (or with a constant one), SET DEFAULT for new rows, then backfill existing rows in batches",
    size: "scales",
    equivalents: {
      squawk: ["adding-field-with-default"],
      atlas: ["PG302"],
      pgSchemaDiff: ["ACQUIRES_ACCESS_EXCLUSIVE_LOCK"],
      strongMigrations: ["adding a column with a volatile default value"],
    },
  },
  MM103: {
    name: "add-auto-increment-column",
    severity: "error",
    summary:
      "ADD COLUMN with serial or GENERATED … AS IDENTITY fills every existing row, rewriting the table",
    lock: ACCESS_EXCLUSIVE_REWRITE,
    rewrite:
      "Add a nullable bigint column, give it a sequence DEFAULT for new rows, backfill existing rows in batches, then add constraints",
    size: "scales",
    equivalents: {
      squawk: ["adding-serial-primary-key-field"],
      pgSchemaDiff: ["ACQUIRES_ACCESS_EXCLUSIVE_LOCK"],
      strongMigrations: ["adding an auto-incrementing column"],
    },
  },
  MM104: {
    name: "add-stored-generated-column",
    severity: "error",
    summary: "ADD COLUMN … GENERATED ALWAYS AS (…) STORED computes and writes the value for every row",
    lock: ACCESS_EXCLUSIVE_REWRITE,
    rewrite:
      "Add a plain column kept by a trigger and backfill it in batches, or use a VIRTUAL generated column (PostgreSQL 18+) or a view",
    size: "scales",
    equivalents: {
      squawk: ["adding-field-with-default"],
      pgSchemaDiff: ["ACQUIRES_ACCESS_EXCLUSIVE_LOCK"],
      strongMigrations: ["adding a stored generated column"],
    },
  },
  MM105: {
    name: "set-not-null",
    severity: "warning",
    summary: "SET NOT NULL scans the whole table to prove there are no NULLs, and fails if there are",
    lock: "ACCESS EXCLUSIVE on the table: blocks every read and write for the whole scan",
    rewrite:
      "ADD CONSTRAINT … CHECK (col IS NOT NULL) NOT VALID; VALIDATE CONSTRAINT in a later transaction; then SET NOT NULL (PostgreSQL 12+ skips the scan) and drop the CHECK",
    size: "scales",
    equivalents: {
      squawk: ["adding-not-nullable-field"],
      atlas: ["MF104", "PG303", "PG304"],
      pgSchemaDiff: ["ACQUIRES_ACCESS_EXCLUSIVE_LOCK"],
      strongMigrations: ["setting NOT NULL on an existing column"],
    },
  },
  MM106: {
    name: "change-column-type",
    severity: "error",
    summary:
      "ALTER COLUMN … TYPE rewrites the table and rebuilds its indexes unless the change is binary-coercible",
    lock: "ACCESS EXCLUSIVE on the table: blocks every read and write for the rewrite and the index rebuilds",
    rewrite:
      "Add a column of the new type, keep it in sync with a trigger, backfill in batches, switch reads, then drop the old column",
    size: "scales",
    equivalents: {
      squawk: ["changing-column-type"],
      atlas: ["PG301"],
      pgSchemaDiff: ["ACQUIRES_ACCESS_EXCLUSIVE_LOCK", "IMPACTS_DATABASE_PERFORMANCE"],
      strongMigrations: ["changing the type of a column"],
    },
  },
  MM107: {
    name: "drop-not-null",
    severity: "warning",
    summary: "DROP NOT NULL lets NULLs in; code that assumes the column is always set may break",
    lock: "ACCESS EXCLUSIVE on the table, briefly (no scan)",
    rewrite: "Make every reader handle NULL first, then drop the constraint",
    size: "none",
    equivalents: { squawk: ["ban-drop-not-null"] },
  },
  MM108: {
    name: "set-logged-unlogged",
    severity: "error",
    summary: "SET LOGGED / SET UNLOGGED rewrites the table (SET LOGGED also writes all of it to WAL)",
    lock: ACCESS_EXCLUSIVE_REWRITE,
    rewrite:
      "Create a new table with the wanted persistence, copy in batches, and swap the names in a short transaction",
    size: "scales",
    equivalents: { pgSchemaDiff: ["ACQUIRES_ACCESS_EXCLUSIVE_LOCK"] },
  },
  MM109: {
    name: "move-table-storage",
    severity: "error",
    summary: "SET TABLESPACE / SET ACCESS METHOD copies the whole table",
    lock: ACCESS_EXCLUSIVE_REWRITE,
    rewrite: "Move the data online with pg_repack, or copy into a new table and swap the names",
    size: "scales",
    equivalents: { pgSchemaDiff: ["ACQUIRES_ACCESS_EXCLUSIVE_LOCK"] },
  },

  // --- MM2xx: indexes and constraints ---
  MM201: {
    name: "create-index-non-concurrently",
    severity: "error",
    summary: "CREATE INDEX without CONCURRENTLY blocks writes for the whole build",
    lock: "SHARE on the table: blocks INSERT, UPDATE and DELETE (reads continue) for the whole index build",
    rewrite:
      "CREATE INDEX CONCURRENTLY outside a transaction; afterwards check pg_index.indisvalid and rebuild an INVALID index",
    size: "scales",
    equivalents: {
      squawk: ["require-concurrent-index-creation"],
      atlas: ["PG101"],
      pgSchemaDiff: ["ACQUIRES_SHARE_LOCK", "INDEX_BUILD"],
      strongMigrations: ["adding an index non-concurrently"],
    },
  },
  MM202: {
    name: "drop-index-non-concurrently",
    severity: "warning",
    summary: "DROP INDEX without CONCURRENTLY takes a lock that blocks reads and writes",
    lock: "ACCESS EXCLUSIVE on the table: brief, but it queues behind running queries and everything queues behind it",
    rewrite: "DROP INDEX CONCURRENTLY outside a transaction",
    size: "none",
    equivalents: {
      squawk: ["require-concurrent-index-deletion"],
      atlas: ["PG102"],
      pgSchemaDiff: ["INDEX_DROPPED", "ACQUIRES_ACCESS_EXCLUSIVE_LOCK"],
      strongMigrations: ["removing an index non-concurrently"],
    },
  },
  MM203: {
    name: "reindex-non-concurrently",
    severity: "error",
    summary: "REINDEX without CONCURRENTLY blocks writes, and reads that use the index, for the rebuild",
    lock: "SHARE on the table (blocks writes) and ACCESS EXCLUSIVE on each index for the whole rebuild",
    rewrite: "REINDEX … CONCURRENTLY (PostgreSQL 12+) outside a transaction",
    size: "scales",
    equivalents: { squawk: ["require-concurrent-reindex"] },
  },
  MM204: {
    name: "add-foreign-key-without-not-valid",
    severity: "error",
    summary: "ADD FOREIGN KEY checks every existing row while holding locks on both tables",
    lock: "SHARE ROW EXCLUSIVE on the table and the referenced table: blocks writes to both for the validation scan",
    rewrite:
      "ADD CONSTRAINT … FOREIGN KEY … NOT VALID, then VALIDATE CONSTRAINT in a separate transaction (reads and writes continue)",
    size: "scales",
    equivalents: {
      squawk: ["adding-foreign-key-constraint", "constraint-missing-not-valid"],
      pgSchemaDiff: ["ACQUIRES_SHARE_ROW_EXCLUSIVE_LOCK"],
      strongMigrations: ["adding a foreign key", "adding a reference"],
    },
  },
  MM205: {
    name: "add-check-without-not-valid",
    severity: "error",
    summary: "ADD CHECK checks every existing row while holding a lock that blocks reads and writes",
    lock: "ACCESS EXCLUSIVE on the table: blocks every read and write for the validation scan",
    rewrite: "ADD CONSTRAINT … CHECK (…) NOT VALID, then VALIDATE CONSTRAINT in a separate transaction",
    size: "scales",
    equivalents: {
      squawk: ["constraint-missing-not-valid"],
      atlas: ["PG305"],
      pgSchemaDiff: ["ACQUIRES_ACCESS_EXCLUSIVE_LOCK"],
      strongMigrations: ["adding a check constraint"],
    },
  },
  MM206: {
    name: "validate-in-same-transaction",
    severity: "error",
    summary:
      "VALIDATE CONSTRAINT in the transaction that added the constraint NOT VALID keeps the ADD's strong lock for the whole scan",
    lock: "The ADD's ACCESS EXCLUSIVE (CHECK) or SHARE ROW EXCLUSIVE (FOREIGN KEY) lock stays held while VALIDATE scans the table",
    rewrite: "COMMIT after ADD … NOT VALID and run VALIDATE CONSTRAINT in its own transaction",
    size: "scales",
    equivalents: {
      squawk: ["constraint-missing-not-valid"],
      strongMigrations: ["validate_foreign_key / validate_check_constraint in the adding transaction"],
    },
  },
  MM207: {
    name: "add-unique-constraint-without-index",
    severity: "error",
    summary: "ADD UNIQUE builds its index while holding a lock that blocks reads and writes",
    lock: "ACCESS EXCLUSIVE on the table: blocks every read and write for the whole index build",
    rewrite: "CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT … UNIQUE USING INDEX (a brief lock)",
    size: "scales",
    equivalents: {
      squawk: ["disallowed-unique-constraint"],
      atlas: ["PG105", "MF101"],
      pgSchemaDiff: ["ACQUIRES_ACCESS_EXCLUSIVE_LOCK", "INDEX_BUILD"],
      strongMigrations: ["adding a unique constraint"],
    },
  },
  MM208: {
    name: "add-primary-key-without-index",
    severity: "error",
    summary:
      "ADD PRIMARY KEY builds a unique index, and sets NOT NULL with a scan, under a lock that blocks everything",
    lock: "ACCESS EXCLUSIVE on the table: blocks every read and write for the index build and NOT NULL scan",
    rewrite:
      "CREATE UNIQUE INDEX CONCURRENTLY, make the columns NOT NULL through a validated CHECK, then ADD CONSTRAINT … PRIMARY KEY USING INDEX",
    size: "scales",
    equivalents: {
      squawk: ["adding-serial-primary-key-field"],
      atlas: ["PG104", "PG304"],
      pgSchemaDiff: ["ACQUIRES_ACCESS_EXCLUSIVE_LOCK", "INDEX_BUILD"],
    },
  },
  MM209: {
    name: "add-exclusion-constraint",
    severity: "error",
    summary: "ADD EXCLUDE builds an index and checks every row under a lock that blocks reads and writes",
    lock: "ACCESS EXCLUSIVE on the table: blocks every read and write for the build and check",
    rewrite:
      "There is no online path (no USING INDEX, no NOT VALID): add it while the table is small, or build a new table with the constraint and migrate",
    size: "scales",
    equivalents: {
      pgSchemaDiff: ["ACQUIRES_ACCESS_EXCLUSIVE_LOCK", "INDEX_BUILD"],
      strongMigrations: ["adding an exclusion constraint"],
    },
  },
  MM210: {
    name: "create-domain-with-constraint",
    severity: "warning",
    summary: "a domain CHECK cannot be changed online later: altering it scans every column of the domain",
    lock: "None now; a later ALTER DOMAIN … ADD CONSTRAINT locks and scans every table using the domain",
    rewrite: "Use the base type with a table CHECK constraint, which supports NOT VALID + VALIDATE",
    size: "none",
    equivalents: { squawk: ["ban-create-domain-with-constraint"] },
  },
  MM211: {
    name: "alter-domain-add-constraint",
    severity: "warning",
    summary: "ALTER DOMAIN … ADD CONSTRAINT checks every column of the domain in every table",
    lock: "SHARE on every table with a column of the domain: blocks their writes while all of them are scanned",
    rewrite:
      "ADD CONSTRAINT … NOT VALID, then VALIDATE CONSTRAINT separately, or use table CHECK constraints",
    size: "none",
    equivalents: { squawk: ["ban-alter-domain-with-add-constraint"] },
  },
  MM212: {
    name: "index-too-many-columns",
    severity: "info",
    summary: "a non-unique index on more than three columns is rarely used past its leading columns",
    lock: "None beyond the index build itself",
    rewrite: "Index the leading, most selective columns (three or fewer)",
    size: "none",
    equivalents: { strongMigrations: ["keeping non-unique indexes to three columns or less"] },
  },
  MM213: {
    name: "detach-partition-non-concurrently",
    severity: "warning",
    summary: "DETACH PARTITION without CONCURRENTLY blocks reads and writes on the whole partitioned table",
    lock: "ACCESS EXCLUSIVE on the parent table: blocks every read and write on all partitions",
    rewrite: "DETACH PARTITION … CONCURRENTLY (PostgreSQL 14+) outside a transaction",
    size: "none",
    equivalents: { squawk: ["require-concurrent-partition-detach"] },
  },
  MM214: {
    name: "refresh-materialized-view-non-concurrently",
    severity: "warning",
    summary: "REFRESH MATERIALIZED VIEW without CONCURRENTLY blocks reads of the view for the whole refresh",
    lock: "ACCESS EXCLUSIVE on the materialized view: blocks every read for the whole refresh",
    rewrite: "REFRESH MATERIALIZED VIEW CONCURRENTLY (needs a unique index on the view)",
    size: "scales",
    equivalents: {},
  },

  // --- MM3xx: data loss ---
  MM301: {
    name: "drop-column",
    severity: "error",
    summary: "DROP COLUMN deletes the column's data and breaks running code that still uses it",
    lock: "ACCESS EXCLUSIVE on the table, briefly (no rewrite)",
    rewrite:
      "Stop using the column in code and deploy first; keep a copy of the data until you are sure; drop it in a contract step",
    size: "none",
    equivalents: {
      squawk: ["ban-drop-column"],
      atlas: ["DS103"],
      pgSchemaDiff: ["DELETES_DATA"],
      strongMigrations: ["removing a column"],
    },
  },
  MM302: {
    name: "drop-table",
    severity: "error",
    summary: "DROP TABLE deletes the table's data and breaks running code that still uses it",
    lock: "ACCESS EXCLUSIVE on the table, briefly",
    rewrite:
      "Stop using the table in code and deploy first; rename it aside (or keep a dump) until you are sure; drop it in a contract step",
    size: "none",
    equivalents: { squawk: ["ban-drop-table"], atlas: ["DS102"], pgSchemaDiff: ["DELETES_DATA"] },
  },
  MM303: {
    name: "drop-schema",
    severity: "error",
    summary: "DROP SCHEMA deletes the schema and, with CASCADE, every table in it",
    lock: "ACCESS EXCLUSIVE on every table dropped with it",
    rewrite: "Drop the objects explicitly in a contract step after code stopped using them",
    size: "none",
    equivalents: { atlas: ["DS101"], pgSchemaDiff: ["DELETES_DATA"] },
  },
  MM304: {
    name: "drop-database",
    severity: "error",
    summary: "DROP DATABASE deletes a whole database",
    lock: "Exclusive use of the database: fails while anyone is connected (WITH (FORCE) disconnects them)",
    rewrite: "Never from a migration; do it by hand after a verified backup",
    size: "none",
    equivalents: { squawk: ["ban-drop-database"], pgSchemaDiff: ["DELETES_DATA"] },
  },
  MM305: {
    name: "truncate",
    severity: "error",
    summary: "TRUNCATE deletes every row of the table",
    lock: "ACCESS EXCLUSIVE on the table: blocks every read and write until the transaction ends",
    rewrite: "Keep a copy first, and delete in batches with a WHERE clause if only some rows must go",
    size: "none",
    equivalents: { pgSchemaDiff: ["DELETES_DATA"] },
  },
  MM306: {
    name: "truncate-cascade",
    severity: "error",
    summary: "TRUNCATE … CASCADE also empties every table that references it, recursively",
    lock: "ACCESS EXCLUSIVE on the table and on every referencing table",
    rewrite: "Truncate the tables you mean by name, without CASCADE",
    size: "none",
    equivalents: { squawk: ["ban-truncate-cascade"], pgSchemaDiff: ["DELETES_DATA"] },
  },
  MM307: {
    name: "drop-cascade",
    severity: "warning",
    summary:
      "DROP … CASCADE also drops every dependent object (views, foreign keys, defaults) without naming them",
    lock: "ACCESS EXCLUSIVE on every relation dropped or altered by the cascade",
    rewrite: "Drop the dependents explicitly (RESTRICT is the default) so the migration says what it removes",
    size: "none",
    equivalents: {},
  },
  MM308: {
    name: "delete-without-where",
    severity: "error",
    summary: "DELETE without WHERE removes every row in one long transaction",
    lock: "ROW EXCLUSIVE plus a lock on every row until commit; replicas lag and the table bloats",
    rewrite: "Delete in batches by key range, committing between batches, after keeping a copy",
    size: "scales",
    equivalents: {},
  },
  MM309: {
    name: "recreate-table",
    severity: "error",
    summary: "the table is dropped and created again: its data is gone and running code sees an empty table",
    lock: "ACCESS EXCLUSIVE on the old table while it is dropped",
    rewrite: "Alter the existing table, or create the new one under a new name and migrate the data",
    size: "none",
    equivalents: {
      pgSchemaDiff: ["DELETES_DATA"],
      strongMigrations: ["creating a table with the force option"],
    },
  },

  // --- MM4xx: backward-incompatible changes ---
  MM401: {
    name: "rename-column",
    severity: "error",
    summary: "renaming a column breaks running code that uses the old name",
    lock: "ACCESS EXCLUSIVE on the table, briefly",
    rewrite:
      "Add the new column, write both, backfill, move reads, then drop the old one (or put a view with the old names in front)",
    size: "none",
    equivalents: { squawk: ["renaming-column"], atlas: ["BC102"], strongMigrations: ["renaming a column"] },
  },
  MM402: {
    name: "rename-table",
    severity: "error",
    summary: "renaming a table or view breaks running code that uses the old name",
    lock: "ACCESS EXCLUSIVE on the table, briefly",
    rewrite:
      "Create the new table and migrate, or rename and leave an updatable view under the old name until code has moved",
    size: "none",
    equivalents: { squawk: ["renaming-table"], atlas: ["BC101"], strongMigrations: ["renaming a table"] },
  },
  MM403: {
    name: "rename-schema",
    severity: "error",
    summary: "renaming a schema breaks running code that uses the old name",
    lock: "A brief lock on the schema; every qualified reference breaks at once",
    rewrite: "Create the new schema, move objects and code over, then drop the old one",
    size: "none",
    equivalents: { strongMigrations: ["renaming a schema"] },
  },
  MM404: {
    name: "rename-enum-value",
    severity: "warning",
    summary: "renaming an enum label breaks running code and stored queries that use the old label",
    lock: "A brief lock on the type",
    rewrite: "Add the new label, move rows and code to it, and stop using the old one",
    size: "none",
    equivalents: {},
  },

  // --- MM5xx: type choices ---
  MM501: {
    name: "int-primary-key",
    severity: "warning",
    summary:
      "a 32- or 16-bit key or sequence runs out (2,147,483,647 / 32,767); widening it later rewrites the table and its referencers",
    lock: "None now; widening later takes ACCESS EXCLUSIVE for a rewrite of the table and every referencing table",
    rewrite: "Use bigint (bigint GENERATED BY DEFAULT AS IDENTITY for keys)",
    size: "none",
    equivalents: { squawk: ["prefer-bigint-over-int", "prefer-bigint-over-smallint", "prefer-big-int"] },
  },
  MM502: {
    name: "prefer-identity",
    severity: "info",
    summary: "serial creates a separately owned sequence whose grants and copies are easy to get wrong",
    lock: "None",
    rewrite: "Use bigint GENERATED BY DEFAULT AS IDENTITY",
    size: "none",
    equivalents: { squawk: ["prefer-identity"] },
  },
  MM503: {
    name: "varchar-length",
    severity: "info",
    summary: "varchar(n) puts the limit in the type; lowering it later rewrites the table",
    lock: "None now; changing the limit down later takes ACCESS EXCLUSIVE for a rewrite",
    rewrite: "Use text with CHECK (char_length(col) <= n), which can change online with NOT VALID + VALIDATE",
    size: "none",
    equivalents: { squawk: ["prefer-text-field"] },
  },
  MM504: {
    name: "char-field",
    severity: "info",
    summary: "char(n) pads with spaces, compares ignoring them, and is no faster than text",
    lock: "None",
    rewrite: "Use text (with a CHECK on the length if it matters)",
    size: "none",
    equivalents: { squawk: ["ban-char-field"] },
  },
  MM505: {
    name: "timestamp-without-time-zone",
    severity: "warning",
    summary: "timestamp without time zone stores wall-clock time: values are ambiguous across zones and DST",
    lock: "None",
    rewrite: "Use timestamptz",
    size: "none",
    equivalents: { squawk: ["prefer-timestamptz"] },
  },
  MM506: {
    name: "json-column",
    severity: "warning",
    summary:
      "json has no equality operator (DISTINCT and GROUP BY fail), is re-parsed on every read, and has no GIN index",
    lock: "None",
    rewrite: "Use jsonb",
    size: "none",
    equivalents: { strongMigrations: ["adding a json column"] },
  },

  // --- MM6xx: data changes, maintenance and access ---
  MM601: {
    name: "update-without-where",
    severity: "warning",
    summary: "UPDATE without WHERE rewrites every row in one transaction",
    lock: "ROW EXCLUSIVE plus a lock on every row until commit: concurrent writers to any row wait, the table doubles on disk, replicas lag",
    rewrite:
      "Backfill in batches by key range, committing between batches, outside the schema change's transaction",
    size: "scales",
    equivalents: { strongMigrations: ["backfilling data"] },
  },
  MM602: {
    name: "vacuum-full",
    severity: "error",
    summary: "VACUUM FULL rewrites the whole table",
    lock: ACCESS_EXCLUSIVE_REWRITE,
    rewrite:
      "Use pg_repack or pg_squeeze (REPACK CONCURRENTLY on PostgreSQL 19+); plain VACUUM does not block",
    size: "scales",
    equivalents: { squawk: ["prefer-repack"] },
  },
  MM603: {
    name: "cluster",
    severity: "error",
    summary: "CLUSTER rewrites the whole table in index order",
    lock: ACCESS_EXCLUSIVE_REWRITE,
    rewrite: "Use pg_repack --order-by (REPACK CONCURRENTLY … USING INDEX on PostgreSQL 19+)",
    size: "scales",
    equivalents: { squawk: ["prefer-repack"] },
  },
  MM604: {
    name: "lock-table",
    severity: "warning",
    summary: "an explicit LOCK TABLE holds a strong lock until the transaction ends",
    lock: "The named mode (ACCESS EXCLUSIVE by default) until COMMIT: blocks writes, and for ACCESS EXCLUSIVE reads",
    rewrite:
      "Avoid explicit locks; if one is needed use the weakest mode, a short transaction and lock_timeout",
    size: "none",
    equivalents: {},
  },
  MM605: {
    name: "enum-add-value-in-transaction",
    severity: "info",
    summary:
      "ALTER TYPE … ADD VALUE inside a transaction fails before PostgreSQL 12; on 12+ the value is unusable until COMMIT",
    lock: "A brief lock on the type",
    rewrite:
      "Add enum values in their own statement outside BEGIN … COMMIT, before the statements that use them",
    size: "none",
    equivalents: {},
  },
  MM606: {
    name: "enum-value-ordering",
    severity: "info",
    summary: "ADD VALUE without BEFORE/AFTER appends the label last, which decides how the enum sorts",
    lock: "None beyond the brief lock on the type",
    rewrite: "State the position: ADD VALUE 'x' BEFORE 'y' (or AFTER)",
    size: "none",
    equivalents: { squawk: ["require-enum-value-ordering"] },
  },
  MM607: {
    name: "disable-trigger",
    severity: "warning",
    summary:
      "DISABLE TRIGGER stops audit and sync triggers (with ALL, foreign-key checks too) for every session",
    lock: "SHARE ROW EXCLUSIVE on the table: blocks writes, briefly",
    rewrite:
      "Do not disable triggers in a migration; SET session_replication_role = replica in the one session that needs it",
    size: "none",
    equivalents: {},
  },
  MM608: {
    name: "enable-row-level-security",
    severity: "warning",
    summary: "ENABLE ROW LEVEL SECURITY with no policy hides every row from every role but the owner",
    lock: "ACCESS EXCLUSIVE on the table, briefly",
    rewrite: "Create the policies first (CREATE POLICY …), then enable row level security",
    size: "none",
    equivalents: { pgSchemaDiff: ["AUTHZ_UPDATE"] },
  },
  MM609: {
    name: "privilege-change",
    severity: "info",
    summary: "GRANT/REVOKE changes who may read or write; a REVOKE breaks running code at once",
    lock: "None on data; a brief lock on the object's catalog row",
    rewrite: "Grant before code needs the privilege; revoke only after it stopped using it",
    size: "none",
    equivalents: { pgSchemaDiff: ["AUTHZ_UPDATE"] },
  },
  MM610: {
    name: "extension-update",
    severity: "info",
    summary:
      "ALTER EXTENSION … UPDATE runs the extension's upgrade scripts, whose locks and rewrites are not visible here",
    lock: "Unknown: whatever the upgrade scripts take",
    rewrite: "Read the extension's upgrade notes and rehearse the update on a copy first",
    size: "none",
    equivalents: { pgSchemaDiff: ["UPGRADING_EXTENSION_VERSION"] },
  },
};

export const HAZARDS: Record<HazardCode, HazardInfo> = Object.fromEntries(
  Object.entries(ENTRIES).map(([code, entry]) => [
    code,
    {
      ...entry,
      code,
      equivalents: {
        squawk: entry.equivalents.squawk ?? [],
        atlas: entry.equivalents.atlas ?? [],
        pgSchemaDiff: entry.equivalents.pgSchemaDiff ?? [],
        strongMigrations: entry.equivalents.strongMigrations ?? [],
      },
    },
  ]),
) as Record<HazardCode, HazardInfo>;

export function hazard(code: HazardCode): HazardInfo {
  return HAZARDS[code];
}

export function isHazardCode(value: string): value is HazardCode {
  return Object.hasOwn(HAZARDS, value);
}
