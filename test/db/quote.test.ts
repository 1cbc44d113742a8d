import { describe, expect, it } from "vitest";
import { qualify, quoteIdent, quoteLiteral, withClient } from "../../src/db/index.js";
import { freshDatabase } from "../helpers/db.js";

const AWKWARD_NAMES = [
  "plain",
  "MixedCase",
  'with"quote',
  "with space",
  "select",
  "user",
  "ünïcode",
  "1starts_with_digit",
];
const AWKWARD_VALUES = ["it's", "back\\slash", "both ' and \\", "", "line\nbreak", "$$dollar$$"];

describe("quoting", () => {
  it("round-trips awkward identifiers through the catalog", async () => {
    const db = await freshDatabase();
    await withClient(db.url, async (client) => {
      await client.query(`CREATE SCHEMA ${quoteIdent("Odd Schema")}`);
      for (const name of AWKWARD_NAMES) {
        await client.query(`CREATE TABLE ${qualify("Odd Schema", name)} (${quoteIdent(name)} int)`);
      }
      const { rows } = await client.query<{ relname: string; attname: string }>(
        `SELECT c.relname, a.attname FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0
          WHERE c.relnamespace = '"Odd Schema"'::regnamespace ORDER BY c.relname`,
      );
      expect(rows.map((r) => r.relname).sort()).toEqual([...AWKWARD_NAMES].sort());
      for (const row of rows) expect(row.attname).toBe(row.relname);
    });
  });

  it("round-trips awkward literals through the server", async () => {
    const db = await freshDatabase();
    await withClient(db.url, async (client) => {
      for (const value of AWKWARD_VALUES) {
        const { rows } = await client.query<{ v: string }>(`SELECT ${quoteLiteral(value)} AS v`);
        expect(rows[0]?.v).toBe(value);
      }
    });
  });

  it("leaves simple lower-case names bare and quotes everything else", () => {
    expect(quoteIdent("orders")).toBe("orders");
    expect(quoteIdent("Orders")).toBe('"Orders"');
    expect(quoteIdent("order")).toBe('"order"');
    expect(quoteIdent('a"b')).toBe('"a""b"');
  });
});
