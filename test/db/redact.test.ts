import { describe, expect, it } from "vitest";
import { redact, redactUrl } from "../../src/db/index.js";

describe("redaction", () => {
  it("removes passwords from URLs", () => {
    expect(redactUrl("postgres://alice:s3cret@db.example:5432/app")).toBe(
      "postgres://alice:***@db.example:5432/app",
    );
    expect(redactUrl("postgres://alice@db.example/app")).toBe("postgres://alice@db.example/app");
  });

  it("removes passwords from free text, URLs and keyword strings alike", () => {
    const text = "failed postgresql://bob:hunter2@h/db and password=hunter2 and password = 'x y'";
    const out = redact(text);
    expect(out).not.toContain("hunter2");
    expect(out).not.toContain("x y");
    expect(out).toContain("postgresql://bob:***@h/db");
  });
});
