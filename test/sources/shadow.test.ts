import { randomBytes } from "node:crypto";
import { describe, expect, it, onTestFinished } from "vitest";
import { quoteIdent, quoteLiteral, withClient } from "../../src/db/index.js";
import { resolveSource } from "../../src/sources/index.js";
import { serverUrl } from "../helpers/db.js";
import { databasesWithPrefix, migrateError, tablesIn, tempDir, uniquePrefix } from "./helpers.js";

/** A LOGIN role with a password and without CREATEDB, dropped when the test finishes. */
async function roleWithoutCreatedb(): Promise<{ name: string; password: string; url: string }> {
  const name = `mm_nocreatedb_${randomBytes(4).toString("hex")}`;
  const password = `pw_${randomBytes(8).toString("hex")}`;
  await withClient(serverUrl(), (client) =>
    client.query(`CREATE ROLE ${quoteIdent(name)} LOGIN NOCREATEDB PASSWORD ${quoteLiteral(password)}`),
  );
  onTestFinished(async () => {
    await withClient(serverUrl(), (client) => client.query(`DROP ROLE IF EXISTS ${quoteIdent(name)}`));
  });
  const url = new URL(serverUrl());
  url.username = name;
  url.password = password;
  return { name, password, url: url.toString() };
}

describe("shadow databases", () => {
  it("refuses, suggesting --shadow, when the role may not create databases", async () => {
    const role = await roleWithoutCreatedb();
    const cwd = await tempDir({ "schema.sql": "CREATE TABLE a (id int);\n" });
    const prefix = uniquePrefix();
    const error = await migrateError(
      resolveSource("schema.sql", {
        cwd,
        shadowUrl: role.url,
        shadowPrefix: prefix,
        config: { databases: {}, renames: [] },
      }),
    );
    expect(error.code).toBe("SHADOW_REFUSED");
    expect(error.message).toContain(`role "${role.name}" may not create databases`);
    expect(error.message).toContain("--shadow URL");
    expect(error.message).not.toContain(role.password);
    expect(error.message).not.toContain("\n");
    expect(await databasesWithPrefix(prefix)).toEqual([]);
  });

  it("uses the config's shadow server when no shadow URL is given", async () => {
    const role = await roleWithoutCreatedb();
    const cwd = await tempDir({ "schema.sql": "CREATE TABLE a (id int);\n" });
    const config = { databases: {}, renames: [], shadow: role.url };
    const error = await migrateError(resolveSource("schema.sql", { cwd, config }));
    expect(error.code).toBe("SHADOW_REFUSED");
    // An explicit shadow URL wins over the config's.
    const prefix = uniquePrefix();
    const source = await resolveSource("schema.sql", {
      cwd,
      config,
      shadowUrl: serverUrl(),
      shadowPrefix: prefix,
    });
    onTestFinished(source.release);
    expect(await tablesIn(source.url)).toEqual(["public.a"]);
  });

  it("refuses a prefix PostgreSQL would truncate or fold", async () => {
    const cwd = await tempDir({ "schema.sql": "CREATE TABLE a (id int);\n" });
    for (const shadowPrefix of ["Upper_", "x".repeat(52)]) {
      const error = await migrateError(
        resolveSource("schema.sql", {
          cwd,
          shadowPrefix,
          shadowUrl: serverUrl(),
          config: { databases: {}, renames: [] },
        }),
      );
      expect(error.code).toBe("USAGE");
    }
  });
});
