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
 * Round trips PostgreSQL cannot express, which must keep failing the way they do:
 * - ALTER TABLE … INHERIT leaves the child's own columns marked local (attislocal), while a table created
 *   with INHERITS has none of its own; no DDL clears the flag short of recreating the table and losing its
 *   rows, so the model comparison fails.
 * - An extension in use cannot go back to a version it has no downgrade script to: dropping it would drop
 *   the columns of its types, so the rollback keeps the UPDATE and PostgreSQL refuses it.
 */
const KNOWN_LIMITS: Record<string, { reason: string; error: RegExp }> = {
  "027-extension-version-in-use": {
    reason: "no downgrade script for an extension in use",
    error: /rollback[\s\S]*no update path from version "1\.5" to version "1\.4"/,
  },
  "089-inherits-added": { reason: "column inheritance flags", error: /forward: model/ },
  "090-inherits-removed": { reason: "column inheritance flags", error: /rollback: model/ },
  "315-inherits-second-parent-added": { reason: "column inheritance flags", error: /forward: model/ },
  "316-inherits-second-parent-removed": { reason: "column inheritance flags", error: /rollback: model/ },
};

describe("schema round trips (test/roundtrip/cases)", () => {
  beforeAll(ensureTestRoles);

  for (const [name, limit] of Object.entries(KNOWN_LIMITS).filter(([n]) => caseNames.includes(n))) {
    it.concurrent(`${name} (known limit: ${limit.reason})`, async () => {
      const read = (file: string) => readFileSync(join(CASES, name, file), "utf8");
      await expect(assertRoundTrip(read("a.sql"), read("b.sql"))).rejects.toThrow(limit.error);
    });
  }

  for (const name of caseNames.filter((n) => !KNOWN_LIMITS[n])) {
    it.concurrent(name, async () => {
      const read = (file: string) => readFileSync(join(CASES, name, file), "utf8");
      await assertRoundTrip(read("a.sql"), read("b.sql"));
    });
  }
});
