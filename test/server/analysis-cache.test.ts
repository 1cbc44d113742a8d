import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { withClient } from "../../src/db/index.js";
import { ANALYSIS_TTL_SECONDS, AnalysisCache } from "../../src/server/analysis-cache.js";
import { analyzeSchemaDiffOutput } from "../../src/server/tools/analyze-schema-diff.js";
import { freshDatabase } from "../helpers/db.js";
import { callOk, connectClient, projectDir } from "./client.js";

const SOURCE = "CREATE TABLE orders (id bigint PRIMARY KEY, note text);";
const TARGET = "CREATE TABLE orders (id bigint PRIMARY KEY, note text, email text);";

const analysisSchema = z.object(analyzeSchemaDiffOutput);

/** A clock the test moves by hand, so ages and expiry are exact. */
function manualClock() {
  let now = Date.UTC(2025, 0, 1);
  return {
    now: () => now,
    advance: (seconds: number) => {
      now += seconds * 1000;
    },
  };
}

function analyze(client: Client, source: string, target: string) {
  return callOk(client, "analyze_schema_diff", { source, target }, analysisSchema);
}

/** `src` and `dst` hold SOURCE and TARGET; `dst_again` names the same database as `dst`. */
async function setup() {
  const [src, dst] = await Promise.all([freshDatabase(SOURCE), freshDatabase(TARGET)]);
  const cwd = await projectDir({ src: src.url, dst: dst.url, dst_again: dst.url });
  const clock = manualClock();
  const cache = new AnalysisCache({ now: clock.now });
  const client = await connectClient({ cwd, analysisCache: cache });
  return { src, dst, clock, cache, client };
}

describe("analysis cache", () => {
  it("serves a repeated analysis of unchanged schemas from the cache, whatever they are called", async () => {
    const { client, clock } = await setup();
    const first = await analyze(client, "src", "dst");
    expect(first).toMatchObject({ cached: false, cacheAgeSeconds: 0 });
    expect(first.changes.map((change) => change.summary)).toEqual([expect.stringMatching(/email/)]);

    clock.advance(90);
    const second = await analyze(client, "src", "dst");
    expect(second).toMatchObject({ cached: true, cacheAgeSeconds: 90 });
    expect(second.changes).toEqual(first.changes);

    const renamed = await analyze(client, "src", "dst_again");
    expect(renamed).toMatchObject({ cached: true, cacheAgeSeconds: 90 });
    expect(renamed.target.label).toMatch(/^dst_again \(/);
  });

  it("misses when either database's schema changed", async () => {
    const { client, src, dst } = await setup();
    expect((await analyze(client, "src", "dst")).cached).toBe(false);

    await withClient(dst.url, (db) => db.query("ALTER TABLE orders ADD COLUMN total numeric"));
    const afterTarget = await analyze(client, "src", "dst");
    expect(afterTarget.cached).toBe(false);
    expect(afterTarget.changes.map((change) => change.summary)).toEqual([
      expect.stringMatching(/email/),
      expect.stringMatching(/total/),
    ]);

    await withClient(src.url, (db) => db.query("ALTER TABLE orders ADD COLUMN email text"));
    const afterSource = await analyze(client, "src", "dst");
    expect(afterSource.cached).toBe(false);
    expect(afterSource.changes.map((change) => change.summary)).toEqual([expect.stringMatching(/total/)]);
    expect((await analyze(client, "src", "dst")).cached).toBe(true);
  });

  it("misses once the entry is older than 7200 s", async () => {
    const { client, clock, cache } = await setup();
    await analyze(client, "src", "dst");
    clock.advance(ANALYSIS_TTL_SECONDS - 1);
    expect(await analyze(client, "src", "dst")).toMatchObject({
      cached: true,
      cacheAgeSeconds: ANALYSIS_TTL_SECONDS - 1,
    });
    clock.advance(1);
    expect(await analyze(client, "src", "dst")).toMatchObject({ cached: false, cacheAgeSeconds: 0 });
    expect(cache.size).toBe(1);
  });

  it("misses when only the column order differs, which the fingerprint ignores but CREATE TABLE shows", async () => {
    const [src, ab, ba] = await Promise.all([
      freshDatabase(SOURCE),
      freshDatabase(`${SOURCE} CREATE TABLE t (a int, b int);`),
      freshDatabase(`${SOURCE} CREATE TABLE t (b int, a int);`),
    ]);
    const cwd = await projectDir({ src: src.url, ab: ab.url, ba: ba.url });
    const client = await connectClient({ cwd, analysisCache: new AnalysisCache() });
    const first = await analyze(client, "src", "ab");
    const second = await analyze(client, "src", "ba");
    expect(second.target.fingerprint).toBe(first.target.fingerprint);
    expect(second.cached).toBe(false);
    const createSql = (data: typeof first) =>
      data.changes.flatMap((c) => c.statements.map((s) => s.sql)).join("\n");
    expect(createSql(first)).toMatch(/a integer,\s+b integer/);
    expect(createSql(second)).toMatch(/b integer,\s+a integer/);
  });
});
