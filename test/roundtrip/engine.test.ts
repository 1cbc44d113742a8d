import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, it } from "vitest";
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

describe("schema round trips (test/roundtrip/cases)", () => {
  beforeAll(ensureTestRoles);

  for (const name of caseNames) {
    it.concurrent(name, async () => {
      const read = (file: string) => readFileSync(join(CASES, name, file), "utf8");
      await assertRoundTrip(read("a.sql"), read("b.sql"));
    });
  }
});
