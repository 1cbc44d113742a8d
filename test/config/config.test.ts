import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { loadConfig } from "../../src/config.js";
import { HINT_FORMS } from "../../src/diff/renames.js";
import { MigrateError } from "../../src/errors.js";

async function dirWithConfig(yaml?: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "mm-config-"));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  if (yaml !== undefined) await writeFile(join(dir, "migrate.config.yaml"), yaml);
  return dir;
}

async function configError(yaml: string): Promise<MigrateError> {
  const error = await loadConfig(await dirWithConfig(yaml)).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MigrateError);
  expect((error as MigrateError).code).toBe("CONFIG");
  expect((error as MigrateError).message).not.toContain("\n");
  return error as MigrateError;
}

describe("loadConfig", () => {
  it("treats a missing file as an empty config", async () => {
    expect(await loadConfig(await dirWithConfig())).toEqual({ databases: {}, renames: [] });
  });

  it("treats an empty file as an empty config that knows its path", async () => {
    const dir = await dirWithConfig("# nothing yet\n");
    expect(await loadConfig(dir)).toEqual({
      databases: {},
      renames: [],
      path: join(dir, "migrate.config.yaml"),
    });
  });

  it("reads every key and expands set variables, leaving unset ones for use-time errors", async () => {
    process.env.MM_CONFIG_TEST_PASSWORD = "pa$$word";
    onTestFinished(() => {
      delete process.env.MM_CONFIG_TEST_PASSWORD;
    });
    const dir = await dirWithConfig(
      [
        "databases:",
        `  postgres_15: postgres://app:\${MM_CONFIG_TEST_PASSWORD}@127.0.0.1:5432/app`,
        `  prod: \${MM_CONFIG_TEST_UNSET}`,
        "schema: db/schema.sql",
        "renames:",
        "  - users.fullname=name",
        "  - billing.invoice.total=amount",
        "  - public.invoices=billing.invoices",
        "  - order_state.shiped=shipped",
        "shadow: postgresql://shadow@127.0.0.1:5433/postgres",
        "plansDir: migrations",
        "",
      ].join("\n"),
    );
    expect(await loadConfig(dir)).toEqual({
      databases: {
        postgres_15: "postgres://app:pa$$word@127.0.0.1:5432/app",
        prod: `\${MM_CONFIG_TEST_UNSET}`,
      },
      schema: "db/schema.sql",
      renames: [
        "users.fullname=name",
        "billing.invoice.total=amount",
        "public.invoices=billing.invoices",
        "order_state.shiped=shipped",
      ],
      shadow: "postgresql://shadow@127.0.0.1:5433/postgres",
      plansDir: "migrations",
      path: join(dir, "migrate.config.yaml"),
    });
  });

  it("names the file and the zod path of a malformed value", async () => {
    expect((await configError("databases:\n  - postgres://x@h/db\n")).message).toMatch(
      /^migrate\.config\.yaml: databases: /,
    );
    expect((await configError("renames:\n  - a.b=c\n  - just_a_name\n")).message).toBe(
      `migrate.config.yaml: renames.1: is malformed; ${HINT_FORMS}`,
    );
    expect((await configError("renames:\n  - a. b=c\n")).message).toMatch(
      /^migrate\.config\.yaml: renames\.0: /,
    );
    expect((await configError("schema: 12\n")).message).toMatch(/^migrate\.config\.yaml: schema: /);
  });

  it("rejects unknown keys, listing the known ones", async () => {
    expect((await configError("database:\n  a: postgres://x@h/db\n")).message).toBe(
      "migrate.config.yaml: (top level): unknown key database; the keys are databases, schema, renames, shadow, plansDir",
    );
  });

  it("rejects a database value that is not a postgres URL without printing it", async () => {
    const error = await configError("databases:\n  prod: mysql://u:hunter2@h/db\n");
    expect(error.message).toContain("databases.prod: must be a postgres:// URL");
    expect(error.message).not.toContain("hunter2");
  });

  it("names the line of a YAML syntax error", async () => {
    const error = await configError("databases:\n  a: postgres://x@h/db\n b: [\n");
    expect(error.message).toMatch(/^migrate\.config\.yaml:3: invalid YAML \(.+\); fix the file's syntax$/);
  });
});
