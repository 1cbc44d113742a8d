import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { assertRoundTrip, ensureTestRoles } from "../helpers/roundtrip.js";

const CASES = join(import.meta.dirname, "cases");
const caseNames = (() => {
  try {
    return readdirSync(CASES, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
  } catch {
    return [];
  }
})();

/**
 * Round trips PostgreSQL cannot express. ALTER TABLE … INHERIT leaves the child's own columns marked local
 * (attislocal), while a table created with INHERITS has none of its own; no DDL clears the flag short of
 * recreating the table and losing its rows. These cases must keep failing on that model comparison.
 */
const KNOWN_LIMITS: Record<string, RegExp> = {
  "089-inherits-added": /forward: model/,
  "090-inherits-removed": /rollback: model/,
};

describe("schema round trips (test/roundtrip/cases)", () => {
  beforeAll(ensureTestRoles);

  for (const name of caseNames.filter((n) => KNOWN_LIMITS[n])) {
    it.concurrent(`${name} (known limit: column inheritance flags)`, async () => {
      const read = (file: string) => readFileSync(join(CASES, name, file), "utf8");
      await expect(assertRoundTrip(read("a.sql"), read("b.sql"))).rejects.toThrow(KNOWN_LIMITS[name]);
    });
  }

  for (const name of caseNames.filter((n) => !KNOWN_LIMITS[n])) {
    it.concurrent(name, async () => {
      const read = (file: string) => readFileSync(join(CASES, name, file), "utf8");
      await assertRoundTrip(read("a.sql"), read("b.sql"));
    });
  }
});
