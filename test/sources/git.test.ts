import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { resolveSource, withSource } from "../../src/sources/index.js";
import { serverUrl } from "../helpers/db.js";
import {
  databasesWithPrefix,
  migrateError,
  tablesIn,
  tempDir,
  tempRepository,
  uniquePrefix,
} from "./helpers.js";

const EMPTY_CONFIG = { databases: {}, renames: [] };

/** A repository whose schema.sql differs between tag v1.0 and HEAD, plus an uncommitted edit. */
async function versionedRepository() {
  const repo = await tempRepository();
  await repo.commit(
    {
      "schema.sql": "CREATE TABLE account (id int PRIMARY KEY);\n",
      "db/01_core.sql": "CREATE TABLE core (id int PRIMARY KEY);\n",
      "db/02_more.sql": "CREATE TABLE more (core_id int REFERENCES core);\n",
      "db/readme.md": "not SQL\n",
    },
    "v1",
    "v1.0",
  );
  await repo.commit(
    { "schema.sql": "CREATE TABLE account (id int PRIMARY KEY);\nCREATE TABLE v2_only (id int);\n" },
    "v2",
  );
  await writeFile(join(repo.dir, "schema.sql"), "CREATE TABLE worktree_only (id int);\n");
  return repo;
}

describe("git sources", () => {
  it("loads a file as it was at a tag, not as it is now", async () => {
    const repo = await versionedRepository();
    const prefix = uniquePrefix();
    const options = { cwd: repo.dir, shadowUrl: serverUrl(), shadowPrefix: prefix, config: EMPTY_CONFIG };
    await withSource("git:v1.0:schema.sql", options, async (source) => {
      expect(source).toMatchObject({ kind: "git", label: "git:v1.0:schema.sql", shadow: true });
      expect(await tablesIn(source.url)).toEqual(["public.account"]);
    });
    await withSource("git:HEAD:schema.sql", options, async (source) => {
      expect(await tablesIn(source.url)).toEqual(["public.account", "public.v2_only"]);
    });
    expect(await databasesWithPrefix(prefix)).toEqual([]);
  });

  it("loads a directory at a ref in byte-wise order, with paths from the repository root or ./ from cwd", async () => {
    const repo = await versionedRepository();
    const prefix = uniquePrefix();
    const options = { shadowUrl: serverUrl(), shadowPrefix: prefix, config: EMPTY_CONFIG };
    await withSource("git:v1.0:db", { ...options, cwd: repo.dir }, async (source) => {
      expect(await tablesIn(source.url)).toEqual(["public.core", "public.more"]);
    });
    // Alone, 02_more.sql references a table it does not create; the error names it from the repository root.
    const error = await migrateError(
      resolveSource("git:v1.0:./02_more.sql", { ...options, cwd: join(repo.dir, "db") }),
    );
    expect(error.message).toBe('git:v1.0:db/02_more.sql:1: relation "core" does not exist');
    expect(await databasesWithPrefix(prefix)).toEqual([]);
  });

  it("turns a bare version into the config's schema at that ref", async () => {
    const repo = await versionedRepository();
    await writeFile(join(repo.dir, "migrate.config.yaml"), "schema: schema.sql\n");
    const prefix = uniquePrefix();
    await withSource(
      "v1.0",
      { cwd: repo.dir, shadowUrl: serverUrl(), shadowPrefix: prefix },
      async (source) => {
        expect(source).toMatchObject({ kind: "config", label: "git:v1.0:schema.sql", shadow: true });
        expect(await tablesIn(source.url)).toEqual(["public.account"]);
      },
    );
    expect(await databasesWithPrefix(prefix)).toEqual([]);
  });

  it("resolves the config's schema path from the config's directory", async () => {
    const repo = await versionedRepository();
    const cwd = join(repo.dir, "db");
    const config = {
      databases: {},
      renames: [],
      schema: "01_core.sql",
      path: join(cwd, "migrate.config.yaml"),
    };
    const prefix = uniquePrefix();
    await withSource(
      "v1.0",
      { cwd, config, shadowUrl: serverUrl(), shadowPrefix: prefix },
      async (source) => {
        expect(source.label).toBe("git:v1.0:db/01_core.sql");
        expect(await tablesIn(source.url)).toEqual(["public.core"]);
      },
    );
  });

  it("names a ref that does not exist", async () => {
    const repo = await versionedRepository();
    const error = await migrateError(
      resolveSource("git:v9.9:schema.sql", { cwd: repo.dir, config: EMPTY_CONFIG }),
    );
    expect(error.code).toBe("SOURCE_INVALID");
    expect(error.message).toContain('git ref "v9.9" does not exist');
    const viaConfig = await migrateError(
      resolveSource("v9.9", { cwd: repo.dir, config: { ...EMPTY_CONFIG, schema: "schema.sql" } }),
    );
    expect(viaConfig.message).toContain('git ref "v9.9" does not exist');
  });

  it("names a path that does not exist at the ref", async () => {
    const repo = await versionedRepository();
    const error = await migrateError(
      resolveSource("git:v1.0:nope/schema.sql", { cwd: repo.dir, config: EMPTY_CONFIG }),
    );
    expect(error.code).toBe("SOURCE_INVALID");
    expect(error.message).toContain('nope/schema.sql does not exist at git ref "v1.0"');
  });

  it("names the file at the ref when its SQL fails, and leaves no shadow database", async () => {
    const repo = await tempRepository();
    await repo.commit(
      { "schema.sql": "CREATE TABLE a (id int);\nCREATE TABLE b (a_id int REFERENCES nope);\n" },
      "bad",
      "v1.0",
    );
    const prefix = uniquePrefix();
    const error = await migrateError(
      resolveSource("git:v1.0:schema.sql", {
        cwd: repo.dir,
        shadowUrl: serverUrl(),
        shadowPrefix: prefix,
        config: EMPTY_CONFIG,
      }),
    );
    expect(error.code).toBe("SOURCE_SQL");
    expect(error.message).toBe('git:v1.0:schema.sql:2: relation "nope" does not exist');
    expect(await databasesWithPrefix(prefix)).toEqual([]);
  });

  it("explains that a git source needs a repository", async () => {
    const cwd = await tempDir();
    const error = await migrateError(resolveSource("git:v1.0:schema.sql", { cwd, config: EMPTY_CONFIG }));
    expect(error.code).toBe("SOURCE_INVALID");
    expect(error.message).toContain("is not inside a git repository");
  });
});
