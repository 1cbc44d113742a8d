import { describe, expect, it } from "vitest";
import { connect, withAdvisoryLock } from "../../src/db/index.js";
import { MigrateError } from "../../src/errors.js";
import { freshDatabase } from "../helpers/db.js";

describe("advisory lock", () => {
  it("makes a second session wait, then names the holder", async () => {
    const db = await freshDatabase();
    const holder = await connect(db.url, { applicationName: "migrate-mcp holder" });
    const waiter = await connect(db.url, { applicationName: "migrate-mcp waiter" });
    try {
      const holderPid = (await holder.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]?.pid;
      let release: () => void = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      const holding = withAdvisoryLock(holder, "plan-x", { timeoutMs: 1000 }, () => held);
      // Give the holder a moment to take the lock.
      await new Promise((r) => setTimeout(r, 200));
      const started = Date.now();
      const error = await withAdvisoryLock(waiter, "plan-x", { timeoutMs: 600 }, async () => "got it").catch(
        (e: unknown) => e,
      );
      expect(Date.now() - started).toBeGreaterThanOrEqual(550);
      expect(error).toBeInstanceOf(MigrateError);
      expect((error as MigrateError).code).toBe("LOCK_TIMEOUT");
      expect((error as MigrateError).message).toContain(`pid ${holderPid}`);
      expect((error as MigrateError).message).toContain("migrate-mcp holder");

      // A different name is a different lock.
      await expect(withAdvisoryLock(waiter, "plan-y", { timeoutMs: 100 }, async () => "other")).resolves.toBe(
        "other",
      );

      // Once released, the waiter gets it.
      release();
      await holding;
      await expect(
        withAdvisoryLock(waiter, "plan-x", { timeoutMs: 1000 }, async () => "got it"),
      ).resolves.toBe("got it");
    } finally {
      await holder.end();
      await waiter.end();
    }
  });

  it("waits for a holder that finishes within the timeout", async () => {
    const db = await freshDatabase();
    const a = await connect(db.url);
    const b = await connect(db.url);
    try {
      const order: string[] = [];
      const first = withAdvisoryLock(a, "plan-z", { timeoutMs: 1000 }, async () => {
        order.push("a-start");
        await new Promise((r) => setTimeout(r, 300));
        order.push("a-end");
      });
      await new Promise((r) => setTimeout(r, 50));
      const second = withAdvisoryLock(b, "plan-z", { timeoutMs: 5000 }, async () => {
        order.push("b");
      });
      await Promise.all([first, second]);
      expect(order).toEqual(["a-start", "a-end", "b"]);
    } finally {
      await a.end();
      await b.end();
    }
  });
});
