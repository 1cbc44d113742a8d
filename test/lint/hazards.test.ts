import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { HAZARDS, hazard, isHazardCode } from "../../src/lint/index.js";
import { renderHazardTable } from "./hazard-table.js";

describe("hazard catalog", () => {
  const entries = Object.entries(HAZARDS);

  it("keys every entry by its own stable MMnnn code", () => {
    for (const [code, info] of entries) {
      expect(code).toMatch(/^MM\d{3}$/);
      expect(info.code).toBe(code);
      expect(isHazardCode(code)).toBe(true);
      expect(hazard(info.code)).toBe(info);
    }
    expect(isHazardCode("MM999")).toBe(false);
  });

  it("has unique kebab-case names and complete guidance", () => {
    const names = entries.map(([, info]) => info.name);
    expect(new Set(names).size).toBe(names.length);
    for (const [, info] of entries) {
      expect(info.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(["error", "warning", "info"]).toContain(info.severity);
      expect(["scales", "fails-if-rows", "none"]).toContain(info.size);
      expect(info.summary.length).toBeGreaterThan(10);
      expect(info.lock.length).toBeGreaterThan(3);
      expect(info.rewrite.length).toBeGreaterThan(5);
    }
  });

  it("keeps the codes other components rely on", () => {
    expect(hazard("MM101")).toMatchObject({ name: "add-not-null-without-default", severity: "error" });
    expect(hazard("MM201").name).toBe("create-index-non-concurrently");
  });

  it("names every squawk rule and pg-schema-diff hazard type it covers", () => {
    const squawk = new Set(entries.flatMap(([, info]) => info.equivalents.squawk));
    for (const rule of [
      "adding-field-with-default",
      "adding-foreign-key-constraint",
      "adding-not-nullable-field",
      "adding-required-field",
      "adding-serial-primary-key-field",
      "ban-char-field",
      "ban-concurrent-index-creation-in-transaction",
      "ban-drop-column",
      "ban-drop-database",
      "ban-drop-not-null",
      "ban-drop-table",
      "changing-column-type",
      "constraint-missing-not-valid",
      "disallowed-unique-constraint",
      "prefer-bigint-over-int",
      "prefer-bigint-over-smallint",
      "prefer-identity",
      "prefer-text-field",
      "prefer-timestamptz",
      "renaming-column",
      "renaming-table",
      "require-concurrent-index-creation",
      "require-concurrent-index-deletion",
      "transaction-nesting",
      "ban-create-domain-with-constraint",
      "ban-alter-domain-with-add-constraint",
      "ban-truncate-cascade",
      "require-timeout-settings",
      "ban-uncommitted-transaction",
      "require-enum-value-ordering",
      "identifier-too-long",
      "require-concurrent-partition-detach",
      "require-concurrent-reindex",
      "prefer-repack",
    ]) {
      expect(squawk, rule).toContain(rule);
    }
    const pgSchemaDiff = new Set(entries.flatMap(([, info]) => info.equivalents.pgSchemaDiff));
    for (const type of [
      "ACQUIRES_ACCESS_EXCLUSIVE_LOCK",
      "ACQUIRES_SHARE_LOCK",
      "ACQUIRES_SHARE_ROW_EXCLUSIVE_LOCK",
      "AUTHZ_UPDATE",
      "DELETES_DATA",
      "HAS_UNTRACKABLE_DEPENDENCIES",
      "IMPACTS_DATABASE_PERFORMANCE",
      "INDEX_BUILD",
      "INDEX_DROPPED",
      "IS_USER_GENERATED",
      "UPGRADING_EXTENSION_VERSION",
    ]) {
      expect(pgSchemaDiff, type).toContain(type);
    }
  });

  it("is documented in docs/hazards.md exactly as the code defines it", () => {
    const doc = readFileSync(join(import.meta.dirname, "..", "..", "docs", "hazards.md"), "utf8");
    expect(doc).toContain(renderHazardTable());
  });
});
