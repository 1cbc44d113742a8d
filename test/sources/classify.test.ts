import { describe, expect, it } from "vitest";
import type { MigrateConfig } from "../../src/config.js";
import { classifySpec, resolveSource } from "../../src/sources/index.js";
import { migrateError, tempDir } from "./helpers.js";

const config: MigrateConfig = {
  databases: { postgres_15: "postgres://app:s3cret@db.internal:5432/app", schema: "postgres://x@h/y" },
  renames: [],
};

describe("classifySpec", () => {
  it("recognises each kind", async () => {
    const cwd = await tempDir({ "schema.sql": "", "db/01.sql": "", "notes.txt": "" });
    expect(classifySpec("postgres://u@h/db", { cwd })).toBe("url");
    expect(classifySpec("postgresql://u@h/db", { cwd })).toBe("url");
    expect(classifySpec("git:v1.0:db/schema.sql", { cwd })).toBe("git");
    expect(classifySpec("schema.sql", { cwd })).toBe("sql-file");
    expect(classifySpec("db", { cwd })).toBe("sql-dir");
    expect(classifySpec("postgres_15", { cwd, config })).toBe("config");
    expect(classifySpec("v1.0", { cwd, config: { ...config, schema: "schema.sql" } })).toBe("config");
  });

  it("prefers a configured database name to a path, and a path to a bare git ref", async () => {
    const cwd = await tempDir({ "schema/01.sql": "", "v1.0/01.sql": "" });
    expect(classifySpec("schema", { cwd, config })).toBe("config");
    expect(classifySpec("./schema", { cwd, config })).toBe("sql-dir");
    expect(classifySpec("v1.0", { cwd, config: { ...config, schema: "schema.sql" } })).toBe("sql-dir");
  });

  it("rejects what is none of the kinds, naming the accepted ones", async () => {
    const cwd = await tempDir({ "notes.txt": "" });
    const cases: [string, string][] = [
      ["", "the source spec is empty"],
      ["notes.txt", "notes.txt is not a .sql file"],
      ["missing.sql", "missing.sql does not exist"],
      ["v1.0", "set schema: in migrate.config.yaml or write git:v1.0:<path>"],
      ["mysql://u@h/db", "a directory of .sql files, git:<ref>:<path>"],
    ];
    for (const [spec, expected] of cases) {
      let thrown: unknown;
      try {
        classifySpec(spec, { cwd });
      } catch (error) {
        thrown = error;
      }
      expect(thrown, spec).toMatchObject({ code: "SOURCE_INVALID" });
      expect((thrown as Error).message).toContain(expected);
    }
  });

  it("rejects malformed git specs", async () => {
    for (const spec of ["git:v1.0", "git::schema.sql", "git:v1.0:", "git:--output=x:schema.sql"]) {
      const error = await migrateError(resolveSource(spec, { cwd: await tempDir(), config }));
      expect(error.code, spec).toBe("SOURCE_INVALID");
      expect(error.message).toContain("write git:<ref>:<path>");
    }
  });
});

describe("live sources", () => {
  it("returns a URL as is, with a redacted label and nothing to release", async () => {
    const url = "postgres://app:s3cret@db.internal:5432/app";
    const source = await resolveSource(url, { config });
    expect(source).toMatchObject({
      kind: "url",
      url,
      shadow: false,
      label: "postgres://app:***@db.internal:5432/app",
    });
    await source.release();
  });

  it("resolves a configured database name to its URL", async () => {
    const source = await resolveSource("postgres_15", { config });
    expect(source).toMatchObject({
      kind: "config",
      url: "postgres://app:s3cret@db.internal:5432/app",
      shadow: false,
      label: "postgres_15 (postgres://app:***@db.internal:5432/app)",
    });
  });

  it("names the unset variable of a configured database", async () => {
    const error = await migrateError(
      resolveSource("prod", {
        config: {
          databases: { prod: `\${MM_TEST_UNSET_PROD_URL}` },
          renames: [],
          path: "/x/migrate.config.yaml",
        },
      }),
    );
    expect(error.code).toBe("CONFIG");
    expect(error.message).toContain("export MM_TEST_UNSET_PROD_URL");
  });
});
