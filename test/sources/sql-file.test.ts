import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { resolveSource, withSource } from "../../src/sources/index.js";
import { serverUrl } from "../helpers/db.js";
import { column, databasesWithPrefix, migrateError, tablesIn, tempDir, uniquePrefix } from "./helpers.js";

const EMPTY_CONFIG = { databases: {}, renames: [] };

describe("SQL file sources", () => {
  it("loads a file into a shadow database that release() drops", async () => {
    const cwd = await tempDir({
      "schema.sql": `
        CREATE TABLE account (id bigint PRIMARY KEY, email text NOT NULL);
        -- a body with semicolons: the parser, not a ';' split, decides where statements end
        CREATE FUNCTION greet(name text) RETURNS text LANGUAGE plpgsql AS $$
        BEGIN
          RETURN 'hello; ' || name;
        END;
        $$;
        CREATE INDEX CONCURRENTLY account_email ON account (email);
      `,
    });
    const prefix = uniquePrefix();
    const source = await resolveSource("schema.sql", {
      cwd,
      shadowUrl: serverUrl(),
      shadowPrefix: prefix,
      config: EMPTY_CONFIG,
    });
    expect(source).toMatchObject({ spec: "schema.sql", kind: "sql-file", label: "schema.sql", shadow: true });
    expect(await databasesWithPrefix(prefix)).toHaveLength(1);
    expect(await tablesIn(source.url)).toEqual(["public.account"]);
    expect(await column(source.url, "SELECT greet('x')")).toEqual(["hello; x"]);
    expect(await column(source.url, "SELECT indexrelid::regclass FROM pg_index WHERE indisvalid")).toContain(
      "account_email",
    );
    await source.release();
    await source.release();
    expect(await databasesWithPrefix(prefix)).toEqual([]);
  });

  it("names the file and line of a failing statement and leaves no shadow database", async () => {
    const cwd = await tempDir({
      "db/schema.sql": "CREATE TABLE a (id int);\n\nCREATE VIEW v AS\n  SELECT id\n  FROM missing_table;\n",
    });
    const prefix = uniquePrefix();
    const error = await migrateError(
      resolveSource("db/schema.sql", {
        cwd,
        shadowUrl: serverUrl(),
        shadowPrefix: prefix,
        config: EMPTY_CONFIG,
      }),
    );
    expect(error.code).toBe("SOURCE_SQL");
    // PostgreSQL reports the position of missing_table, which is on line 5.
    expect(error.message).toBe(`${join("db", "schema.sql")}:5: relation "missing_table" does not exist`);
    expect(await databasesWithPrefix(prefix)).toEqual([]);
  });

  it("checks function bodies while loading", async () => {
    const cwd = await tempDir({
      "schema.sql": "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT count(*) FROM nowhere';\n",
    });
    const prefix = uniquePrefix();
    const error = await migrateError(
      resolveSource("schema.sql", {
        cwd,
        shadowUrl: serverUrl(),
        shadowPrefix: prefix,
        config: EMPTY_CONFIG,
      }),
    );
    expect(error.message).toMatch(/^schema\.sql:1: relation "nowhere" does not exist$/);
    expect(await databasesWithPrefix(prefix)).toEqual([]);
  });

  it("reports a syntax error with the parser's line before creating anything", async () => {
    const cwd = await tempDir({ "schema.sql": "CREATE TABLE a (id int);\nCREATE TABLE b (id int,);\n" });
    const prefix = uniquePrefix();
    const error = await migrateError(
      resolveSource("schema.sql", {
        cwd,
        shadowUrl: serverUrl(),
        shadowPrefix: prefix,
        config: EMPTY_CONFIG,
      }),
    );
    expect(error.code).toBe("SOURCE_SQL");
    expect(error.message).toMatch(/^schema\.sql:2: syntax error at or near "\)"$/);
    expect(await databasesWithPrefix(prefix)).toEqual([]);
  });

  it("rejects a .sql path that does not exist", async () => {
    const cwd = await tempDir();
    const error = await migrateError(resolveSource("nope.sql", { cwd, config: EMPTY_CONFIG }));
    expect(error.code).toBe("SOURCE_INVALID");
    expect(error.message).toContain("nope.sql does not exist");
  });
});

describe("SQL directory sources", () => {
  it("applies every .sql file in byte-wise order, each in its own session", async () => {
    const cwd = await tempDir({
      // Byte-wise, "B" (0x42) sorts before "a" (0x61) and "10" before "9": a locale sort would differ.
      "schema/B_first.sql":
        "CREATE SCHEMA app; SET search_path = app;\nCREATE TABLE one (id int PRIMARY KEY);\n",
      "schema/a_10.sql": "CREATE TABLE app.two (one_id int REFERENCES app.one);\n",
      "schema/a_9.sql": "CREATE TABLE three (id int);\n",
      "schema/notes.txt": "not SQL",
      "schema/nested/ignored.sql": "CREATE TABLE ignored (id int);\n",
    });
    const prefix = uniquePrefix();
    const tables = await withSource(
      "schema",
      { cwd, shadowUrl: serverUrl(), shadowPrefix: prefix, config: EMPTY_CONFIG },
      async (source) => {
        expect(source).toMatchObject({ kind: "sql-dir", label: "schema", shadow: true });
        return tablesIn(source.url);
      },
    );
    // three lands in public: B_first.sql's search_path ended with its session.
    expect(tables).toEqual(["app.one", "app.two", "public.three"]);
    expect(await databasesWithPrefix(prefix)).toEqual([]);
  });

  it("names the file inside the directory that fails", async () => {
    const cwd = await tempDir({
      "schema/01.sql": "CREATE TABLE a (id int);\n",
      "schema/02.sql": "-- adds b\nALTER TABLE b ADD COLUMN x int;\n",
    });
    const prefix = uniquePrefix();
    const error = await migrateError(
      resolveSource("schema", { cwd, shadowUrl: serverUrl(), shadowPrefix: prefix, config: EMPTY_CONFIG }),
    );
    expect(error.message).toMatch(/^schema[/\\]02\.sql:2: relation "b" does not exist$/);
    expect(await databasesWithPrefix(prefix)).toEqual([]);
  });

  it("rejects a directory without .sql files", async () => {
    const cwd = await tempDir({ "empty/readme.md": "nothing here" });
    const error = await migrateError(resolveSource("empty", { cwd, config: EMPTY_CONFIG }));
    expect(error.code).toBe("SOURCE_INVALID");
    expect(error.message).toContain("directory empty has no .sql files");
  });
});

describe("withSource", () => {
  it("releases the shadow database when the callback throws, keeping the callback's error", async () => {
    const cwd = await tempDir({ "schema.sql": "CREATE TABLE a (id int);\n" });
    const prefix = uniquePrefix();
    const options = { cwd, shadowUrl: serverUrl(), shadowPrefix: prefix, config: EMPTY_CONFIG };
    await expect(
      withSource("schema.sql", options, async () => {
        expect(await databasesWithPrefix(prefix)).toHaveLength(1);
        throw new Error("introspection failed");
      }),
    ).rejects.toThrow("introspection failed");
    expect(await databasesWithPrefix(prefix)).toEqual([]);
  });
});
