import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { quoteIdent, withClient } from "../../src/db/index.js";
import { splitStatements } from "../../src/sql/parse.js";
import { createTestDatabase, serverUrl, type TestDatabase } from "../helpers/db.js";

// Validates the round-trip corpus itself (not the diff engine): every case loads on the test server and
// its two schemas really differ, so a round-trip harness that passes on a case has proven something.

const CASES_DIR = join(import.meta.dirname, "cases");
const MIN_CASES = 90;
/**
 * Test databases alive at once (being created, loaded or dropped). Vitest runs at most 5 tests at a time,
 * but creating and dropping databases is latency-bound (DROP DATABASE waits for a checkpoint), so all cases
 * start together and this bound keeps connections and disk in check while drops overlap later loads.
 */
const DATABASES_ALIVE = 16;
const NO_OP_CASE = "001-noop";
const ALLOWED_ROLES = new Set(["migrate_mcp_test_role", "migrate_mcp_test_role2"]);
/** Statements a case must not contain: roles, databases and transactions belong to the harness. */
const FORBIDDEN_STATEMENTS = new Set([
  "CreateRoleStmt",
  "AlterRoleStmt",
  "DropRoleStmt",
  "CreatedbStmt",
  "DropdbStmt",
  "TransactionStmt",
]);
const COVERS_LINE = /^-- covers: [^;]+; \S.*$/;

const caseNames = readdirSync(CASES_DIR)
  .filter((name) => statSync(join(CASES_DIR, name)).isDirectory())
  .sort();

/**
 * A text summary of everything the corpus exercises, one line per catalog fact. Objects are named through
 * reg* casts and pg_get_*def, never by OID, so two databases loaded from the same SQL give the same lines.
 */
const CATALOG_SUMMARY = `
WITH ns AS (
  SELECT oid FROM pg_namespace
  WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND nspname NOT LIKE 'pg\\_%temp\\_%'
)
SELECT line FROM (
  SELECT concat_ws(' ', 'schema', n.nspname, n.nspacl) AS line
  FROM pg_namespace n WHERE n.oid IN (SELECT oid FROM ns)
  UNION ALL
  SELECT concat_ws(' ', 'extension', e.extname, e.extversion, e.extnamespace::regnamespace)
  FROM pg_extension e
  UNION ALL
  SELECT concat_ws(' ', 'collation', c.collnamespace::regnamespace,
    to_jsonb(c) - 'oid' - 'collnamespace' - 'collowner')
  FROM pg_collation c WHERE c.collnamespace IN (SELECT oid FROM ns)
  UNION ALL
  SELECT concat_ws(' ', 'type', t.oid::regtype, t.typtype, format_type(t.typbasetype, t.typtypmod),
    t.typnotnull, t.typdefault, t.typcollation::regcollation, t.typacl,
    (SELECT string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid))
  FROM pg_type t WHERE t.typnamespace IN (SELECT oid FROM ns)
  UNION ALL
  SELECT concat_ws(' ', 'relation', c.oid::regclass, c.relkind, c.relpersistence, c.reloptions,
    (SELECT tc.reloptions FROM pg_class tc WHERE tc.oid = c.reltoastrelid),
    c.relreplident, c.relrowsecurity, c.relforcerowsecurity, c.relispopulated, c.relacl,
    pg_get_expr(c.relpartbound, c.oid),
    CASE c.relkind
      WHEN 'p' THEN pg_get_partkeydef(c.oid)
      WHEN 'v' THEN pg_get_viewdef(c.oid)
      WHEN 'm' THEN pg_get_viewdef(c.oid)
      WHEN 'i' THEN pg_get_indexdef(c.oid)
      WHEN 'I' THEN pg_get_indexdef(c.oid)
    END,
    (SELECT x.indisreplident FROM pg_index x WHERE x.indexrelid = c.oid),
    (SELECT string_agg(i.inhparent::regclass::text, ',' ORDER BY i.inhseqno)
     FROM pg_inherits i WHERE i.inhrelid = c.oid))
  FROM pg_class c WHERE c.relnamespace IN (SELECT oid FROM ns)
  UNION ALL
  SELECT concat_ws(' ', 'column', a.attrelid::regclass, a.attnum, a.attname,
    format_type(a.atttypid, a.atttypmod), a.attnotnull, a.attidentity, a.attgenerated,
    a.attcollation::regcollation, pg_get_expr(d.adbin, d.adrelid), a.attacl)
  FROM pg_attribute a
  JOIN pg_class c ON c.oid = a.attrelid
  LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
  WHERE c.relnamespace IN (SELECT oid FROM ns) AND a.attnum > 0 AND NOT a.attisdropped
  UNION ALL
  SELECT concat_ws(' ', 'constraint', co.conrelid::regclass, co.contypid::regtype, co.conname,
    pg_get_constraintdef(co.oid), co.condeferrable, co.condeferred, co.convalidated, co.connoinherit,
    co.conislocal)
  FROM pg_constraint co WHERE co.connamespace IN (SELECT oid FROM ns)
  UNION ALL
  SELECT concat_ws(' ', 'sequence', s.seqrelid::regclass, s.seqtypid::regtype, s.seqstart, s.seqincrement,
    s.seqmax, s.seqmin, s.seqcache, s.seqcycle,
    (SELECT string_agg(concat_ws(' ', d.deptype, d.refobjid::regclass, d.refobjsubid), ',')
     FROM pg_depend d
     WHERE d.classid = 'pg_class'::regclass AND d.objid = s.seqrelid AND d.refclassid = 'pg_class'::regclass
       AND d.deptype IN ('a', 'i')))
  FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid WHERE c.relnamespace IN (SELECT oid FROM ns)
  UNION ALL
  SELECT concat_ws(' ', 'routine', p.oid::regprocedure, p.proacl,
    CASE WHEN p.prokind <> 'a' THEN pg_get_functiondef(p.oid) END)
  FROM pg_proc p WHERE p.pronamespace IN (SELECT oid FROM ns)
  UNION ALL
  SELECT concat_ws(' ', 'trigger', pg_get_triggerdef(t.oid), t.tgenabled)
  FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
  WHERE NOT t.tgisinternal AND c.relnamespace IN (SELECT oid FROM ns)
  UNION ALL
  SELECT concat_ws(' ', 'policy', p.polrelid::regclass, p.polname, p.polcmd, p.polpermissive,
    p.polroles::regrole[], pg_get_expr(p.polqual, p.polrelid), pg_get_expr(p.polwithcheck, p.polrelid))
  FROM pg_policy p
  UNION ALL
  SELECT concat_ws(' ', 'default privileges', d.defaclrole::regrole, d.defaclnamespace::regnamespace,
    d.defaclobjtype, d.defaclacl)
  FROM pg_default_acl d
  UNION ALL
  SELECT concat_ws(' ', 'text search dictionary', d.oid::regdictionary, d.dicttemplate, d.dictinitoption)
  FROM pg_ts_dict d WHERE d.dictnamespace IN (SELECT oid FROM ns)
  UNION ALL
  SELECT concat_ws(' ', 'text search configuration', c.oid::regconfig, c.cfgparser,
    (SELECT string_agg(m.maptokentype || ':' || m.mapdict::regdictionary, ',' ORDER BY m.maptokentype, m.mapseqno)
     FROM pg_ts_config_map m WHERE m.mapcfg = c.oid))
  FROM pg_ts_config c WHERE c.cfgnamespace IN (SELECT oid FROM ns)
  UNION ALL
  SELECT concat_ws(' ', 'cast', c.castsource::regtype, c.casttarget::regtype, c.castfunc::regprocedure,
    c.castcontext, c.castmethod)
  FROM pg_cast c WHERE c.oid >= 16384
  UNION ALL
  SELECT concat_ws(' ', 'event trigger', e.evtname, e.evtevent, e.evtfoid::regprocedure, e.evttags::text, e.evtenabled)
  FROM pg_event_trigger e
  UNION ALL
  -- OIDs below FirstNormalObjectId (16384) belong to initdb: the same in every database.
  SELECT concat_ws(' ', 'comment', pg_describe_object(d.classoid, d.objoid, d.objsubid), d.description)
  FROM pg_description d WHERE d.objoid >= 16384
) facts
ORDER BY line`;

interface CaseFile {
  path: string;
  text: string;
}

function readCaseFile(caseName: string, file: "a.sql" | "b.sql"): CaseFile {
  const path = join(CASES_DIR, caseName, file);
  return { path, text: readFileSync(path, "utf8") };
}

/** Every role name a parse tree mentions (RoleSpec nodes: GRANT, REVOKE, policies, OWNER TO …). */
function roleNames(node: unknown, found: Set<string> = new Set()): Set<string> {
  if (Array.isArray(node)) {
    for (const item of node) roleNames(item, found);
  } else if (node !== null && typeof node === "object") {
    const record = node as Record<string, unknown>;
    if (typeof record.roletype === "string" && typeof record.rolename === "string")
      found.add(record.rolename);
    for (const value of Object.values(record)) roleNames(value, found);
  }
  return found;
}

/** Statement kinds of the script that a case must not contain, and roles it names that the harness lacks. */
async function scriptProblems(file: CaseFile): Promise<string[]> {
  const problems: string[] = [];
  for (const statement of await splitStatements(file.text, file.path)) {
    const kind = Object.keys(statement.tree ?? {})[0] ?? "unknown";
    if (FORBIDDEN_STATEMENTS.has(kind))
      problems.push(`${file.path}:${statement.line}: ${kind} is not allowed`);
    for (const role of roleNames(statement.tree)) {
      if (!ALLOWED_ROLES.has(role))
        problems.push(`${file.path}:${statement.line}: role "${role}" is not allowed`);
    }
  }
  return problems;
}

/** Runs at most `size` jobs at a time, the others wait in order. */
function limiter(size: number): (job: () => Promise<void>) => Promise<void> {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async (job) => {
    if (running < size) running++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      await job();
    } finally {
      // Hand the slot straight to the next waiter, or give it back.
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}

const databaseSlot = limiter(DATABASES_ALIVE);
const lifetimes: Promise<void>[] = [];
const dropFailures: string[] = [];

async function loadAndSummarise(url: string, file: CaseFile): Promise<string[]> {
  const statements = await splitStatements(file.text, file.path);
  return withClient(url, async (client) => {
    for (const statement of statements) {
      try {
        await client.query(statement.sql);
      } catch (error) {
        throw new Error(`${file.path}:${statement.line}: ${(error as Error).message}`);
      }
    }
    const { rows } = await client.query<{ line: string }>(CATALOG_SUMMARY);
    return rows.map((row) => row.line);
  });
}

/**
 * Loads a script one statement at a time, as the project's SQL sources do, into a fresh database and
 * summarises it. Resolves as soon as the summary is read; the drop finishes later, still holding its slot.
 */
function loadedSummary(file: CaseFile): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const lifetime = databaseSlot(async () => {
      let db: TestDatabase | undefined;
      try {
        db = await createTestDatabase();
        resolve(await loadAndSummarise(db.url, file));
      } catch (error) {
        reject(error);
      } finally {
        await db?.drop();
      }
    });
    lifetimes.push(
      lifetime.catch((error: Error) => void dropFailures.push(`${file.path}: ${error.message}`)),
    );
  });
}

async function ensureRole(role: string): Promise<void> {
  // Test files may race to create the role: duplicate_object and unique_violation both mean "exists".
  await withClient(serverUrl(), (client) =>
    client.query(
      `DO $$ BEGIN CREATE ROLE ${quoteIdent(role)}; ` +
        "EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$",
    ),
  );
}

/** What loading one case produced; never a rejected promise, so a case fails in its own test only. */
type CaseOutcome = { problems: string[]; summaryA: string[]; summaryB: string[] } | { error: Error };

async function checkCase(name: string): Promise<CaseOutcome> {
  try {
    const a = readCaseFile(name, "a.sql");
    const b = readCaseFile(name, "b.sql");
    const problems = [...(await scriptProblems(a)), ...(await scriptProblems(b))];
    const [summaryA, summaryB] = await Promise.all([loadedSummary(a), loadedSummary(b)]);
    return { problems, summaryA, summaryB };
  } catch (error) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }
}

describe("round-trip corpus", () => {
  it(`has at least ${MIN_CASES} cases, each with a.sql, b.sql and a covers line`, () => {
    expect(caseNames.length).toBeGreaterThanOrEqual(MIN_CASES);
    expect(caseNames).toContain(NO_OP_CASE);
    for (const name of caseNames) {
      expect(name, "case directories are named NNN-short-name").toMatch(/^\d{3}-[a-z0-9]+(-[a-z0-9]+)*$/);
      const firstLine = readCaseFile(name, "a.sql").text.split("\n")[0];
      expect(firstLine, `${name}/a.sql first line`).toMatch(COVERS_LINE);
      expect(readCaseFile(name, "b.sql").text.length, `${name}/b.sql`).toBeGreaterThan(0);
    }
  });

  describe("every case loads and its two schemas differ (the no-op case: are equal)", () => {
    let outcomes = new Map<string, Promise<CaseOutcome>>();

    // biome-ignore lint/correctness/noEmptyPattern: vitest requires a destructured context before the suite
    beforeAll(async ({}, suite) => {
      for (const role of ALLOWED_ROLES) await ensureRole(role);
      // Only the cases that will run (a -t filter skips the others).
      const selected = suite.tasks.filter((task) => task.mode === "run").map((task) => task.name);
      outcomes = new Map(selected.map((name) => [name, checkCase(name)]));
    });

    afterAll(async () => {
      await Promise.all(lifetimes);
      expect(dropFailures).toEqual([]);
    });

    for (const name of caseNames) {
      it(name, async () => {
        const outcome = await outcomes.get(name);
        if (outcome === undefined) throw new Error(`${name} was not started`);
        if ("error" in outcome) throw outcome.error;
        expect(outcome.problems).toEqual([]);
        if (name === NO_OP_CASE) {
          expect(outcome.summaryB).toEqual(outcome.summaryA);
        } else {
          expect(outcome.summaryB).not.toEqual(outcome.summaryA);
        }
      });
    }
  });
});
