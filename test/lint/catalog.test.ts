import { describe, expect, it } from "vitest";
import { withClient } from "../../src/db/index.js";
import { MigrateError } from "../../src/errors.js";
import { type LintFinding, lintSql } from "../../src/lint/index.js";
import { KNOWN_VOLATILITY, type Volatility } from "../../src/lint/volatility.js";
import { freshDatabase } from "../helpers/db.js";

const TIMEOUTS = "SET lock_timeout = '5s';\nSET statement_timeout = '1min';\n";

async function only(sql: string, databaseUrl: string): Promise<LintFinding> {
  const findings = await lintSql(`${TIMEOUTS}${sql}`, { databaseUrl });
  expect(findings, JSON.stringify(findings)).toHaveLength(1);
  return findings[0]!;
}

// ~200,000 rows and well over 10 MB: big enough that locking hazards keep their full severity.
const BIG_TABLE = `
  CREATE TABLE big (id int, email text, payload text, amount numeric(10,2), name varchar(50), at timestamp(0));
  INSERT INTO big SELECT g, 'user' || g || '@example.com', repeat('x', 40), g, 'n' || g, now()
    FROM generate_series(1, 200000) AS g;
  ANALYZE big;`;

describe("lint with a database", () => {
  it("agrees with pg_proc on the built-in volatility list", async () => {
    const db = await freshDatabase();
    const rows = await withClient(db.url, async (client) => {
      const result = await client.query<{ proname: string; provolatile: Volatility }>(
        `SELECT DISTINCT proname, provolatile FROM pg_proc
          WHERE pronamespace = 'pg_catalog'::regnamespace AND proname = ANY($1::text[])`,
        [[...KNOWN_VOLATILITY.keys()]],
      );
      return result.rows;
    });
    // Like the catalog lookup, each name stands for its most volatile overload.
    const rank = { i: 0, s: 1, v: 2 };
    const actual = new Map<string, Volatility>();
    for (const row of rows) {
      const seen = actual.get(row.proname);
      if (!seen || rank[row.provolatile] > rank[seen]) actual.set(row.proname, row.provolatile);
    }
    expect(actual.size).toBeGreaterThan(10);
    for (const [name, volatility] of actual) expect(KNOWN_VOLATILITY.get(name), name).toBe(volatility);
  });

  it("decides default volatility from pg_proc.provolatile", async () => {
    const db = await freshDatabase(`
      CREATE TABLE t (id int);
      CREATE FUNCTION pick_code() RETURNS text LANGUAGE sql VOLATILE AS $$ SELECT md5(random()::text) $$;
      CREATE FUNCTION fixed_code() RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT 'abc' $$;`);
    const volatile = await only("ALTER TABLE t ADD COLUMN code text DEFAULT pick_code();", db.url);
    expect(volatile).toMatchObject({ code: "MM102" });
    expect(volatile.message).toContain("volatile pick_code()");
    expect(
      await lintSql(`${TIMEOUTS}ALTER TABLE t ADD COLUMN code text DEFAULT fixed_code();`, {
        databaseUrl: db.url,
      }),
    ).toEqual([]);
    // Unknown volatility is a warning, one level less on this empty table.
    const missing = await only("ALTER TABLE t ADD COLUMN code text DEFAULT no_such_fn();", db.url);
    expect(missing).toMatchObject({ code: "MM102", severity: "info" });
    expect(missing.message).toContain(
      "no_such_fn(), whose volatility is unknown (it is not in the database)",
    );
  });

  it("decides whether a type change rewrites from the column type and pg_cast", async () => {
    const db = await freshDatabase(BIG_TABLE);
    const change = async (column: string, type: string) => {
      const sql = `${TIMEOUTS}ALTER TABLE big ALTER COLUMN ${column} TYPE ${type};`;
      const findings = (await lintSql(sql, { databaseUrl: db.url })).filter(
        (finding) => finding.code === "MM106",
      );
      expect(findings).toHaveLength(1);
      return findings[0]!.severity;
    };
    expect(await change("name", "text")).toBe("info");
    expect(await change("name", "varchar(80)")).toBe("info");
    expect(await change("name", "varchar(20)")).toBe("error");
    expect(await change("email", "varchar")).toBe("info");
    expect(await change("email", "varchar(200)")).toBe("error");
    expect(await change("amount", "numeric(14,2)")).toBe("info");
    expect(await change("amount", "numeric(14,3)")).toBe("error");
    expect(await change("amount", "numeric")).toBe("info");
    expect(await change("at", "timestamp(3)")).toBe("info");
    expect(await change("at", "timestamptz")).toBe("error");
    expect(await change("id", "bigint")).toBe("error");
    const [rewrite] = await lintSql(`${TIMEOUTS}ALTER TABLE big ALTER COLUMN id TYPE bigint;`, {
      databaseUrl: db.url,
    });
    expect(rewrite?.message).toMatch(
      /big\.id integer → bigint rewrites the table .*\(big: ~200,000 rows, \d+\.\d MB\)/,
    );
  });

  it("keeps full severity on a big table and says how big it is", async () => {
    const db = await freshDatabase(BIG_TABLE);
    const index = await only("CREATE INDEX big_email_idx ON big (email);", db.url);
    expect(index).toMatchObject({ code: "MM201", severity: "error" });
    expect(index.message).toContain("~200,000 rows");
    const notNull = await only("ALTER TABLE big ALTER COLUMN email SET NOT NULL;", db.url);
    expect(notNull).toMatchObject({ code: "MM105", severity: "warning" });
  });

  it("downgrades scan and rewrite hazards on tiny tables", async () => {
    const db = await freshDatabase(
      "CREATE TABLE small (id int, email text); INSERT INTO small SELECT g, 'e' || g FROM generate_series(1, 50) g; ANALYZE small;",
    );
    const index = await only("CREATE INDEX small_email_idx ON small (email);", db.url);
    expect(index).toMatchObject({ code: "MM201", severity: "warning" });
    expect(index.message).toMatch(/small is small \(~50 rows, \d+\.\d kB\), so the lock is brief/);
    const fk = await only("ALTER TABLE small ADD CONSTRAINT small_ck CHECK (id > 0);", db.url);
    expect(fk.severity).toBe("warning");
    // Data loss does not depend on size.
    expect(await only("ALTER TABLE small DROP COLUMN email;", db.url)).toMatchObject({ severity: "error" });
  });

  it("knows a NOT NULL column without default only fails when the table has rows", async () => {
    const db = await freshDatabase(`
      CREATE TABLE empty (id int);
      CREATE TABLE filled (id int); INSERT INTO filled VALUES (1), (2); ANALYZE filled;`);
    const empty = await only("ALTER TABLE empty ADD COLUMN email text NOT NULL;", db.url);
    expect(empty).toMatchObject({ code: "MM101", severity: "info" });
    expect(empty.message).toContain("empty is empty now");
    const filled = await only("ALTER TABLE filled ADD COLUMN email text NOT NULL;", db.url);
    expect(filled).toMatchObject({ code: "MM101", severity: "error" });
    expect(filled.message).toContain("~2 rows");
  });

  it("downgrades SET NOT NULL when a validated CHECK (col IS NOT NULL) exists", async () => {
    const db = await freshDatabase(`${BIG_TABLE}
      ALTER TABLE big ADD CONSTRAINT big_email_nn CHECK (email IS NOT NULL) NOT VALID;
      ALTER TABLE big ADD CONSTRAINT big_payload_nn CHECK (payload IS NOT NULL);
      ALTER TABLE big VALIDATE CONSTRAINT big_email_nn;
      ALTER TABLE big ADD CONSTRAINT big_name_nn CHECK (name IS NOT NULL) NOT VALID;`);
    for (const column of ["email", "payload"]) {
      const finding = await only(`ALTER TABLE big ALTER COLUMN ${column} SET NOT NULL;`, db.url);
      expect(finding).toMatchObject({ code: "MM105", severity: "info" });
      expect(finding.message).toContain(`validated CHECK (${column} IS NOT NULL)`);
    }
    // Added NOT VALID and never validated: it proves nothing yet.
    expect(await only("ALTER TABLE big ALTER COLUMN name SET NOT NULL;", db.url)).toMatchObject({
      severity: "warning",
    });
  });

  it("knows CREATE TABLE IF NOT EXISTS creates nothing when the table exists", async () => {
    const db = await freshDatabase("CREATE TABLE live (id bigint, email text);");
    const sql = (table: string) =>
      `${TIMEOUTS}CREATE TABLE IF NOT EXISTS ${table} (id bigint, email text);\nCREATE INDEX ON ${table} (email);`;
    expect(await lintSql(sql("live"), { databaseUrl: db.url })).toMatchObject([{ code: "MM201" }]);
    expect(await lintSql(sql("brand_new"), { databaseUrl: db.url })).toEqual([]);
    expect(await lintSql(sql("live"))).toEqual([]);
  });

  it("sees existing row-level-security policies", async () => {
    const db = await freshDatabase(`
      CREATE TABLE docs (id int, owner text);
      CREATE POLICY docs_owner ON docs USING (owner = current_user);
      CREATE TABLE open_docs (id int);`);
    expect(
      await lintSql(`${TIMEOUTS}ALTER TABLE docs ENABLE ROW LEVEL SECURITY;`, { databaseUrl: db.url }),
    ).toEqual([]);
    expect(await only("ALTER TABLE open_docs ENABLE ROW LEVEL SECURITY;", db.url)).toMatchObject({
      code: "MM608",
    });
  });

  it("only reads: linting a DROP against the database leaves the table alone", async () => {
    const db = await freshDatabase("CREATE TABLE keep_me (id int); INSERT INTO keep_me VALUES (1);");
    expect(await only("DROP TABLE keep_me;", db.url)).toMatchObject({ code: "MM302" });
    const count = await withClient(
      db.url,
      async (client) => (await client.query("SELECT count(*)::int AS n FROM keep_me")).rows[0],
    );
    expect(count).toEqual({ n: 1 });
  });

  it("reports an unreachable database as a connection error", async () => {
    const error = await lintSql("SELECT 1;", { databaseUrl: "postgres://u:secret@127.0.0.1:1/x" }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(MigrateError);
    expect((error as MigrateError).code).toBe("CONNECTION_REFUSED");
    expect((error as MigrateError).message).not.toContain("secret");
  });
});
