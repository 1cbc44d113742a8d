import { describe, expect, it } from "vitest";
import { readCatalog } from "../../src/catalog/index.js";
import { withClient } from "../../src/db/index.js";
import { MigrateError } from "../../src/errors.js";
import { Journal, loadState, readPlanJournal } from "../../src/run/journal.js";
import { JOURNAL_VERSION, journalVersion, upgradeJournal } from "../../src/run/journal-schema.js";
import { freshDatabase } from "../helpers/db.js";

describe("journal schema", () => {
  it("is created on first use, idempotently and concurrently, and is invisible to introspection", async () => {
    const db = await freshDatabase("CREATE TABLE public.t (id int PRIMARY KEY)");
    const before = await withClient(db.url, async (c) => (await readCatalog(c)).fingerprint);
    expect(await withClient(db.url, journalVersion)).toBeNull();
    const versions = await Promise.all(
      [1, 2, 3, 4].map(() => withClient(db.url, (client) => upgradeJournal(client))),
    );
    expect(versions).toEqual([JOURNAL_VERSION, JOURNAL_VERSION, JOURNAL_VERSION, JOURNAL_VERSION]);
    await withClient(db.url, async (client) => {
      expect(await upgradeJournal(client)).toBe(JOURNAL_VERSION);
      expect(await journalVersion(client)).toBe(JOURNAL_VERSION);
      const tables = await client.query<{ relname: string }>(
        `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = 'migrate_mcp' AND c.relkind = 'r' ORDER BY 1`,
      );
      expect(tables.rows.map((r) => r.relname)).toEqual(["history", "meta", "states", "steps"]);
      expect((await readCatalog(client)).fingerprint).toBe(before);
    });
  });

  it("refuses a journal written by a newer version", async () => {
    const db = await freshDatabase();
    await withClient(db.url, async (client) => {
      await upgradeJournal(client);
      await client.query("UPDATE migrate_mcp.meta SET schema_version = $1", [JOURNAL_VERSION + 1]);
      const error = await upgradeJournal(client).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MigrateError);
      expect((error as MigrateError).message).toMatch(/newer than this migrate-mcp understands/);
    });
  });

  it("records runs, steps, checkpoints and states, and refuses a different plan under the same id", async () => {
    const db = await freshDatabase("CREATE TABLE public.t (id int PRIMARY KEY)");
    await withClient(db.url, async (client) => {
      expect(await readPlanJournal(client, "p1")).toEqual({ runs: [], forward: [], rollback: [] });
      await upgradeJournal(client);
      const journal = new Journal(client, "p1");
      const runId = await journal.startRun({
        planId: "p1",
        planName: "one",
        operation: "apply",
        scriptHashes: { "forward.sql": "sha256:x" },
        sourceFingerprint: "sha256:a",
        targetFingerprint: "sha256:b",
        startFingerprint: "sha256:a",
        goalFingerprint: "sha256:b",
        options: { to: null },
      });
      const step = {
        id: "001",
        summary: "s",
        objectId: "table:public.t",
        kind: "table" as const,
        action: "alter" as const,
        phase: "backfill" as const,
        statements: [],
        backfill: null,
        verify: null,
        lockLevel: "ROW EXCLUSIVE" as const,
        lockTimeoutMs: 1000,
        statementTimeoutMs: null,
        hazards: [],
        estimate: null,
        destructive: false,
        transactional: true,
        sha256: "h1",
      };
      await journal.registerSteps("forward", [step]);
      await journal.registerSteps("forward", [step]);
      await journal.markRunning("forward", "001", runId);
      await journal.recordBatch("forward", "001", 10, ["10"]);
      await journal.recordBatch("forward", "001", 5, ["15"]);
      await journal.markDone("forward", "001");
      await journal.recordFingerprint("forward", "001", "sha256:b");
      const { model } = await readCatalog(client);
      await journal.saveState("sha256:b", model);
      await journal.finishRun(runId, "failed", { error: "could not connect to postgres://u:secret@h/db" });
      const read = await readPlanJournal(client, "p1");
      expect(read.forward).toHaveLength(1);
      expect(read.forward[0]).toMatchObject({
        status: "done",
        attempts: 1,
        rowsDone: 15,
        checkpoint: ["15"],
        fingerprintAfter: "sha256:b",
        runId,
      });
      expect(read.runs[0]).toMatchObject({ status: "failed", operation: "apply", clientPid: process.pid });
      expect(read.runs[0]!.error).toBe("could not connect to postgres://u:***@h/db");
      expect(await loadState(client, "sha256:b")).toEqual(model);
      expect(await loadState(client, "sha256:none")).toBeNull();
      const error = await journal
        .registerSteps("forward", [{ ...step, sha256: "h2" }])
        .catch((e: unknown) => e);
      expect((error as MigrateError).code).toBe("PLAN_INVALID");
    });
  });
});
