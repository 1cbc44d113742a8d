import { describe, expect, it } from "vitest";
import { renderRunbook } from "../../src/plan/runbook.js";
import { annotate, modelsAround, planStep } from "./helpers.js";

const SCHEMA = `
  CREATE TABLE public.orders (id bigint PRIMARY KEY, total numeric, legacy text);
  INSERT INTO public.orders SELECT g, g, 'x' FROM generate_series(1, 5000) AS g`;

const CHANGE = `
  CREATE INDEX orders_total_idx ON public.orders (total);
  ALTER TABLE public.orders DROP COLUMN legacy`;

describe("runbook", () => {
  it("shows each step's phase, lock and how long it is held, hazards with the safe rewrite, and estimate", async () => {
    const models = await modelsAround(SCHEMA, CHANGE);
    const forward = await annotate(
      [
        planStep("CREATE INDEX orders_total_idx ON public.orders (total)"),
        planStep("ALTER TABLE public.orders DROP COLUMN legacy", { phase: "contract", destructive: true }),
      ],
      models,
    );
    const rollback = await annotate(
      [
        planStep("ALTER TABLE public.orders ADD COLUMN legacy text"),
        planStep("DROP INDEX public.orders_total_idx"),
      ],
      { source: models.target, target: models.source },
    );
    const state = { label: "db", fingerprint: "f", digest: "d" };
    const plan = {
      id: "20250101000000_orders",
      name: "orders",
      source: state,
      target: state,
      forwardSteps: forward,
      rollbackSteps: rollback,
      models: { source: models.source, target: models.target },
    };
    const [index, drop] = forward;
    const text = renderRunbook(plan);

    expect(text).toContain(
      `### ${index?.id} · expand · CREATE INDEX orders_total_idx ON public.orders (total)`,
    );
    expect(text).toMatch(
      /- Lock: SHARE on public\.orders \(~5k rows, \d+ kB\), held for the whole index build; blocks writes, reads continue/,
    );
    expect(text).toContain("- Timeouts: lock_timeout 2 s; no statement_timeout");
    expect(text).toMatch(/- Estimate: ~5k rows, \d+ kB; reads the whole table/);
    expect(text).toContain(
      "  - **MM201** create-index-non-concurrently (error): CREATE INDEX without CONCURRENTLY blocks writes for the whole build. Safe rewrite: CREATE INDEX CONCURRENTLY outside a transaction",
    );
    expect(text).toContain(`### ${drop?.id} · contract · ALTER TABLE public.orders DROP COLUMN legacy`);
    expect(text).toContain("- Note: **destroys data**");
    expect(text).toContain("**MM301** drop-column (error)");
    expect(text).toContain(`- Steps with hazards: ${index?.id} (MM201), ${drop?.id} (MM301)`);
    // Rollback steps are described against the schema they start from: the index exists there.
    expect(text).toMatch(/- Lock: ACCESS EXCLUSIVE on public\.orders \(~5k rows, \d+ kB\), held briefly/);
    expect(text).toContain("**MM202** drop-index-non-concurrently");
  });
});
