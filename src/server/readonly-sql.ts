import { MigrateError } from "../errors.js";
import { splitStatements } from "../sql/parse.js";

/** A statement that passed the read-only checks, with what kind of statement it is. */
export interface ReadOnlyQuery {
  sql: string;
  kind: "select" | "explain";
}

/**
 * Functions refused anywhere in the tree. The READ ONLY transaction already stops writes to tables; these
 * reach past it: files and directories on the server, other servers, large objects, settings, other
 * sessions, replication and WAL, session-level locks that outlive the transaction, and SQL hidden in strings.
 */
const REFUSED_FUNCTIONS: ReadonlySet<string> = new Set([
  "pg_stat_file",
  "pg_logdir_ls",
  "loread",
  "lowrite",
  "set_config",
  "pg_terminate_backend",
  "pg_cancel_backend",
  "pg_reload_conf",
  "pg_rotate_logfile",
  "pg_promote",
  "pg_switch_wal",
  "pg_notify",
  "pg_log_backend_memory_contexts",
  "pg_import_system_collations",
  "nextval",
  "setval",
  "ts_stat",
  "ts_rewrite",
]);

const REFUSED_PREFIXES: readonly string[] = [
  "pg_read_",
  "pg_ls_",
  "pg_file_",
  "dblink",
  "lo_",
  "pg_copy_",
  "pg_create_",
  "pg_drop_",
  "pg_replication_",
  "pg_logical_",
  "pg_wal_",
  "pg_backup_",
  "pg_start_backup",
  "pg_stop_backup",
  "pg_advisory_",
  "pg_try_advisory_",
  "pg_stat_reset",
  "pg_sleep",
  // query_to_xml('…') and friends run the SQL text they are given, out of sight of this check.
  "query_to_xml",
  "cursor_to_xml",
  "table_to_xml",
  "schema_to_xml",
  "database_to_xml",
];

function refusedFunction(name: string): boolean {
  const lower = name.toLowerCase();
  return REFUSED_FUNCTIONS.has(lower) || REFUSED_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

type Tree = Record<string, unknown>;

function isTree(value: unknown): value is Tree {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function refuse(reason: string): never {
  throw new MigrateError("QUERY_REFUSED", `query_readonly refused the query: ${reason}`);
}

/**
 * Accepts exactly one statement whose parse tree is a plain SELECT (no data-modifying CTE, no SELECT INTO,
 * no FOR UPDATE/SHARE) or an EXPLAIN without ANALYZE of one, and no refused function anywhere in it.
 * The parse comes from PostgreSQL's own parser; the text is never inspected.
 */
export async function checkReadOnlyQuery(sql: string): Promise<ReadOnlyQuery> {
  const statements = await splitStatements(sql, "query");
  if (statements.length !== 1) {
    refuse(`it has ${statements.length} statements; send exactly one SELECT`);
  }
  const statement = statements[0]!;
  const tree = statement.tree as Tree;
  if (isTree(tree.SelectStmt)) {
    walk(tree);
    return { sql: statement.sql, kind: "select" };
  }
  const explain = tree.ExplainStmt;
  if (isTree(explain)) {
    for (const option of asArray(explain.options)) {
      const name = isTree(option) && isTree(option.DefElem) ? option.DefElem.defname : undefined;
      if (typeof name === "string" && name.toLowerCase() === "analyze") {
        refuse("EXPLAIN ANALYZE executes the statement; use EXPLAIN without ANALYZE");
      }
    }
    if (!isTree(explain.query) || !isTree(explain.query.SelectStmt)) {
      refuse("only EXPLAIN of a SELECT is allowed");
    }
    walk(explain.query);
    return { sql: statement.sql, kind: "explain" };
  }
  refuse(`${statementKind(tree)} is not a SELECT; send a SELECT or an EXPLAIN of one`);
}

function walk(node: unknown): void {
  if (Array.isArray(node)) {
    for (const child of node) walk(child);
    return;
  }
  if (!isTree(node)) return;
  for (const [key, child] of Object.entries(node)) {
    if (key.endsWith("Stmt") && key !== "SelectStmt") {
      refuse(`it contains ${describeStatement(key)}; only plain SELECTs are allowed`);
    }
    if (key === "SelectStmt" && isTree(child)) {
      if (child.intoClause !== undefined) refuse("SELECT INTO creates a table; use a plain SELECT");
      if (child.lockingClause !== undefined) {
        refuse("FOR UPDATE/SHARE takes row locks; remove the locking clause");
      }
    }
    if (key === "FuncCall" && isTree(child)) {
      const name = functionName(child);
      if (name !== undefined && refusedFunction(name)) {
        refuse(`${name}() reaches outside the database's tables; it is not allowed here`);
      }
    }
    walk(child);
  }
}

/** The unqualified function name: the last element of `funcname` (schema-qualified calls have two). */
function functionName(call: Tree): string | undefined {
  const last = asArray(call.funcname).at(-1);
  if (isTree(last) && isTree(last.String) && typeof last.String.sval === "string") return last.String.sval;
  return undefined;
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function statementKind(tree: Tree): string {
  const key = Object.keys(tree)[0] ?? "an empty statement";
  return describeStatement(key);
}

/** "DeleteStmt" → "a DELETE statement", for messages people read. */
function describeStatement(key: string): string {
  const words = key
    .replace(/Stmt$/, "")
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toUpperCase();
  return `${/^[AEIOU]/.test(words) ? "an" : "a"} ${words} statement`;
}
