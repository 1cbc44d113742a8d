import { describe, expect, it } from "vitest";
import { withClient, withTransaction } from "../../src/db/index.js";
import { freshDatabase } from "../helpers/db.js";

describe("transactions", () => {
  it("commits on success and rolls back everything on failure", async () => {
    const db = await freshDatabase("CREATE TABLE t (id int primary key)");
    await withClient(db.url, async (client) => {
      await withTransaction(client, (c) => c.query("INSERT INTO t VALUES (1)"));
      await expect(
        withTransaction(client, async (c) => {
          await c.query("INSERT INTO t VALUES (2)");
          await c.query("INSERT INTO t VALUES (1)");
        }),
      ).rejects.toThrow(/duplicate key/);
      const { rows } = await client.query<{ id: number }>("SELECT id FROM t ORDER BY id");
      expect(rows.map((r) => r.id)).toEqual([1]);
    });
  });
});
