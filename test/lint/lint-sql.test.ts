import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { MigrateError } from "../../src/errors.js";
import { hazard, type LintFinding, lintPath, lintSql } from "../../src/lint/index.js";

const TIMEOUTS = "SET lock_timeout = '5s';\nSET statement_timeout = '1min';\n";

const codes = (findings: LintFinding[]) => findings.map((finding) => finding.code);

describe("lintSql", () => {
  it("points at the offending clause, past leading comments, counting characters", async () => {
    const line = '/* ü */ ALTER TABLE "tëst" ADD COLUMN email text NOT NULL;';
    const [finding] = await lintSql(`${TIMEOUTS}-- naïve «ünïcödé»\n${line}\n`, { fileName: "m.sql" });
    expect(finding).toMatchObject({
      code: "MM101",
      name: "add-not-null-without-default",
      severity: "error",
      file: "m.sql",
      line: 4,
      column: line.indexOf("email") + 1,
      rewrite: hazard("MM101").rewrite,
      statement: 'ALTER TABLE "tëst" ADD COLUMN email text NOT NULL',
    });
    expect(finding?.message).toContain("tëst.email");
  });

  it("reports statement-level hazards at the statement's first token", async () => {
    const [finding] = await lintSql(`${TIMEOUTS}  -- why\n  DROP TABLE old_things;`);
    expect(finding).toMatchObject({ code: "MM302", line: 4, column: 3, statement: "DROP TABLE old_things" });
  });

  it("asks for lock_timeout once, at the first blocking statement", async () => {
    const findings = await lintSql(
      "SET statement_timeout = '1min';\nALTER TABLE a ADD COLUMN x text;\nALTER TABLE b ADD COLUMN y text;\n",
    );
    expect(findings.map((finding) => [finding.code, finding.line])).toEqual([["MM001", 2]]);
  });

  it("tracks SET LOCAL, RESET and a zero timeout", async () => {
    const alter = "ALTER TABLE a ADD COLUMN x text;\n";
    // SET LOCAL outside a transaction changes nothing.
    expect(
      codes(await lintSql(`SET LOCAL lock_timeout = '5s';\nSET statement_timeout = '1min';\n${alter}`)),
    ).toEqual(["MM001"]);
    expect(codes(await lintSql(`${TIMEOUTS}RESET lock_timeout;\n${alter}`))).toEqual(["MM001"]);
    expect(codes(await lintSql(`${TIMEOUTS}RESET ALL;\n${alter}`))).toEqual(["MM001", "MM002"]);
    expect(codes(await lintSql(`${TIMEOUTS}SET lock_timeout TO DEFAULT;\n${alter}`))).toEqual(["MM001"]);
    expect(
      codes(
        await lintSql(
          `BEGIN;\nSET LOCAL lock_timeout = '5s';\nSET LOCAL statement_timeout = 60000;\n${alter}COMMIT;`,
        ),
      ),
    ).toEqual([]);
  });

  it("does not count statements that leave reads and writes alone as lock-taking", async () => {
    const sql = [
      "CREATE INDEX CONCURRENTLY i ON users (email);",
      "ALTER TABLE orders VALIDATE CONSTRAINT orders_user_fk;",
      "UPDATE users SET plan = 'free' WHERE id < 100;",
      "CREATE TABLE fresh (id bigint PRIMARY KEY);",
      "ALTER TABLE fresh ADD COLUMN note text NOT NULL;",
    ].join("\n");
    expect(await lintSql(sql)).toEqual([]);
  });

  it("exempts tables created earlier in the file, also after a rename", async () => {
    const sql = `${TIMEOUTS}CREATE TABLE staging (id bigint, email text);
ALTER TABLE staging RENAME TO imports;
CREATE INDEX imports_email_idx ON imports (email);
ALTER TABLE imports ALTER COLUMN email SET NOT NULL;
ALTER TABLE imports ALTER COLUMN id TYPE numeric;
ALTER TABLE imports ADD COLUMN token uuid DEFAULT gen_random_uuid();
ALTER TABLE imports ADD CONSTRAINT imports_pk PRIMARY KEY (id);
UPDATE imports SET email = lower(email);
DROP INDEX imports_email_idx;
DROP TABLE imports;
`;
    expect(await lintSql(sql)).toEqual([]);
  });

  it("still applies type-choice rules to new tables", async () => {
    const sql = "CREATE TABLE t (id int GENERATED ALWAYS AS IDENTITY, at timestamp, body json);";
    expect(codes(await lintSql(sql))).toEqual(["MM501", "MM505", "MM506"]);
  });

  it("treats CONCURRENTLY as failing only inside an explicit transaction", async () => {
    const concurrent = "CREATE INDEX CONCURRENTLY i ON users (email);\n";
    expect(codes(await lintSql(concurrent))).toEqual([]);
    expect(codes(await lintSql(`BEGIN;\n${concurrent}COMMIT;\n${concurrent}`))).toEqual(["MM003"]);
  });

  it("sees ADD … NOT VALID and VALIDATE in one ALTER TABLE as one transaction", async () => {
    const sql = `${TIMEOUTS}ALTER TABLE o ADD CONSTRAINT c CHECK (n > 0) NOT VALID, VALIDATE CONSTRAINT c;`;
    expect(codes(await lintSql(sql))).toEqual(["MM206"]);
  });

  it("decides default volatility from the built-in list without a database", async () => {
    const add = (expression: string) =>
      lintSql(`${TIMEOUTS}ALTER TABLE t ADD COLUMN c text DEFAULT ${expression};`);
    expect(await add("now()::text")).toEqual([]);
    expect(await add("current_timestamp::text")).toEqual([]);
    expect(await add("'x' || lower('Y')")).toEqual([]);
    expect(await add("clock_timestamp()::text")).toMatchObject([{ code: "MM102", severity: "error" }]);
    const [unknown] = await add("public.make_code()");
    expect(unknown).toMatchObject({ code: "MM102", severity: "warning" });
    expect(unknown?.message).toContain("public.make_code()");
    expect(unknown?.message).toContain("--db");
  });

  it("reports a type change without a database as a rewrite, or a possible one when widening to text", async () => {
    const [toBigint] = await lintSql(`${TIMEOUTS}ALTER TABLE t ALTER COLUMN n TYPE bigint;`);
    expect(toBigint).toMatchObject({ code: "MM106", severity: "error" });
    const [toText] = await lintSql(`${TIMEOUTS}ALTER TABLE t ALTER COLUMN n TYPE text;`);
    expect(toText).toMatchObject({ code: "MM106", severity: "warning" });
    const [using] = await lintSql(`${TIMEOUTS}ALTER TABLE t ALTER COLUMN n TYPE text USING n::text;`);
    expect(using).toMatchObject({ code: "MM106", severity: "error" });
  });

  it("reports each too-long identifier once, as PostgreSQL would truncate it", async () => {
    const long = `Audit_${"x".repeat(70)}`;
    const findings = await lintSql(`CREATE TABLE ${long} (id bigint);\nDROP TABLE ${long};`);
    const identifiers = findings.filter((finding) => finding.code === "MM008");
    expect(identifiers).toHaveLength(1);
    expect(identifiers[0]?.message).toContain(`"${`audit_${"x".repeat(57)}`}"`);
  });

  it("turns a syntax error into one finding at the parser's position", async () => {
    const findings = await lintSql("SELECT 1;\nALTER TABLE t ADD COLUM x int;", { fileName: "bad.sql" });
    expect(findings).toEqual([
      expect.objectContaining({ code: "MM000", file: "bad.sql", line: 2, column: 27, severity: "error" }),
    ]);
    expect(findings[0]?.message).toContain('syntax error at or near "int"');
  });

  it("treats DEFAULT NULL as no default", async () => {
    const sql = `${TIMEOUTS}ALTER TABLE t ADD COLUMN c text NOT NULL DEFAULT NULL;`;
    expect(codes(await lintSql(sql))).toEqual(["MM101"]);
  });

  it("keeps the transaction open across COMMIT AND CHAIN", async () => {
    const sql = "BEGIN;\nCOMMIT AND CHAIN;\nCREATE INDEX CONCURRENTLY i ON t (c);\nCOMMIT;";
    expect(codes(await lintSql(sql))).toEqual(["MM003"]);
  });

  it("does not call a table created, dropped and created again in one file a recreation", async () => {
    const sql = "CREATE TABLE scratch (id bigint);\nDROP TABLE scratch;\nCREATE TABLE scratch (id bigint);";
    expect(await lintSql(sql)).toEqual([]);
  });

  it("reports an unclosed BEGIN at the BEGIN", async () => {
    const findings = await lintSql(`${TIMEOUTS}\nBEGIN;\nALTER TABLE t ADD COLUMN x text;\n`);
    expect(findings).toEqual([expect.objectContaining({ code: "MM005", line: 4, statement: "BEGIN" })]);
  });
});

describe("lintPath", () => {
  const root = mkdtempSync(join(tmpdir(), "mm-lint-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("lints every .sql file of a directory in lexical order, each on its own", async () => {
    const dir = join(root, "migrations");
    mkdirSync(dir);
    writeFileSync(join(dir, "10_index.sql"), `${TIMEOUTS}CREATE INDEX i ON users (email);\n`);
    writeFileSync(join(dir, "02_table.sql"), "CREATE TABLE users (id bigint PRIMARY KEY, email text);\n");
    writeFileSync(join(dir, "03_bad.sql"), "ALTER TABLE;\n");
    writeFileSync(join(dir, "README.md"), "DROP TABLE users;\n");
    mkdirSync(join(dir, "nested.sql"));
    const report = await lintPath(dir);
    expect(report.files).toEqual(
      ["02_table.sql", "03_bad.sql", "10_index.sql"].map((name) => join(dir, name)),
    );
    // 02 created users, but 10 is a later migration: by then users is a live table.
    expect(report.findings.map((finding) => [finding.file, finding.code])).toEqual([
      [join(dir, "03_bad.sql"), "MM000"],
      [join(dir, "10_index.sql"), "MM201"],
    ]);
    expect(report.counts).toEqual({ error: 2, warning: 0, info: 0 });
    expect(report.path).toBe(dir);
  });

  it("lints a single file", async () => {
    const file = join(root, "one.sql");
    writeFileSync(file, "TRUNCATE users;\n");
    const report = await lintPath(file);
    expect(report.files).toEqual([file]);
    expect(codes(report.findings)).toEqual(["MM001", "MM002", "MM305"]);
  });

  it("explains a missing path or an empty directory in one line", async () => {
    const missing = await lintPath(join(root, "nope")).catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(MigrateError);
    expect((missing as MigrateError).code).toBe("SOURCE_INVALID");
    expect((missing as MigrateError).message).toMatch(
      /nope does not exist; pass a \.sql file or a directory/,
    );
    const empty = join(root, "empty");
    mkdirSync(empty);
    await expect(lintPath(empty)).rejects.toThrow(/holds no \.sql files/);
  });
});
