import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isHazardCode, lintSql } from "../../src/lint/index.js";

const CORPUS = join(import.meta.dirname, "corpus");

interface CorpusFile {
  name: string;
  sql: string;
  expected: string[];
}

/** Each corpus file names the hazard codes it must produce in its first line: `-- expect: MM101, MM201`. */
function corpus(): CorpusFile[] {
  return readdirSync(CORPUS)
    .filter((name) => name.endsWith(".sql"))
    .sort()
    .map((name) => {
      const sql = readFileSync(join(CORPUS, name), "utf8");
      const header = /^-- expect: (.+)$/m.exec(sql.split("\n")[0] ?? "");
      if (!header?.[1]) throw new Error(`${name} does not start with "-- expect: …"`);
      const expected = header[1].trim() === "none" ? [] : header[1].split(",").map((code) => code.trim());
      for (const code of expected)
        if (!isHazardCode(code)) throw new Error(`${name} expects unknown code ${code}`);
      return { name, sql, expected: expected.sort() };
    });
}

const files = corpus();

describe("lint corpus", () => {
  it("has at least 40 unsafe files and a handful of safe ones", () => {
    expect(files.filter((file) => file.expected.length > 0).length).toBeGreaterThanOrEqual(40);
    expect(files.filter((file) => file.expected.length === 0).length).toBeGreaterThanOrEqual(5);
  });

  it.each(files)("$name finds exactly its expected codes", async ({ name, sql, expected }) => {
    const findings = await lintSql(sql, { fileName: name });
    const found = [...new Set(findings.map((finding) => finding.code))].sort();
    expect(found).toEqual(expected);
    for (const finding of findings) {
      expect(finding.file).toBe(name);
      // Line 1 is the expect comment; every finding points into the SQL below it.
      expect(finding.line).toBeGreaterThan(1);
    }
  });

  it("covers every hazard code the linter can raise from SQL alone", async () => {
    const covered = new Set(files.flatMap((file) => file.expected));
    const { HAZARDS } = await import("../../src/lint/index.js");
    expect(Object.keys(HAZARDS).filter((code) => !covered.has(code))).toEqual([]);
  });
});
