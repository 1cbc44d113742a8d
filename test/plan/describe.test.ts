import { describe, expect, it } from "vitest";
import { lockDescriber } from "../../src/plan/annotate.js";
import type { Step } from "../../src/plan/step.js";
import { planStep } from "./helpers.js";

const MB = 1024 * 1024;
const BIG = { rows: 2_100_000, bytes: 180 * MB };
const SCANNED = { ...BIG, rewrite: false, scan: true };

/** An annotated step, written out by hand: describeLock reads the statements and the recorded annotations. */
function annotated(sql: string | string[], fields: Partial<Step>): Step {
  return planStep(sql, { estimate: { ...BIG, rewrite: false, scan: false }, ...fields });
}

describe("lockDescriber", () => {
  const describeLock = lockDescriber();
  it("names the table, its size, how long the lock is held and what it blocks", () => {
    const step = annotated("ALTER TABLE public.orders ALTER COLUMN id TYPE bigint", {
      lockLevel: "ACCESS EXCLUSIVE",
      estimate: { ...BIG, rewrite: true, scan: false },
    });
    expect(describeLock(step)).toBe(
      "ACCESS EXCLUSIVE on public.orders (~2.1M rows, 180 MB), held for a full table rewrite; blocks reads and writes",
    );
    // A binary-coercible change: the annotation (made with both models) found no rewrite.
    const free = { ...step, estimate: { ...BIG, rewrite: false, scan: false } };
    expect(describeLock(free)).toBe(
      "ACCESS EXCLUSIVE on public.orders (~2.1M rows, 180 MB), held briefly (catalog change only); blocks reads and writes",
    );
  });

  it("describes an index build, a validation scan and a brief catalog change", () => {
    expect(
      describeLock(
        annotated("CREATE INDEX orders_email ON public.orders (email)", {
          lockLevel: "SHARE",
          estimate: SCANNED,
        }),
      ),
    ).toBe(
      "SHARE on public.orders (~2.1M rows, 180 MB), held for the whole index build; blocks writes, reads continue",
    );
    expect(
      describeLock(
        annotated("ALTER TABLE public.orders VALIDATE CONSTRAINT orders_total_check", {
          lockLevel: "SHARE UPDATE EXCLUSIVE",
          estimate: SCANNED,
        }),
      ),
    ).toBe(
      "SHARE UPDATE EXCLUSIVE on public.orders (~2.1M rows, 180 MB), held for a full table scan; reads and writes continue",
    );
    expect(
      describeLock(
        annotated("ALTER TABLE public.orders ADD COLUMN note text", {
          lockLevel: "ACCESS EXCLUSIVE",
          estimate: { rows: 1234, bytes: 5 * 1024 * 1024 * 1024 + 1, rewrite: false, scan: false },
        }),
      ),
    ).toBe(
      "ACCESS EXCLUSIVE on public.orders (~1.2k rows, 5 GB), held briefly (catalog change only); blocks reads and writes",
    );
  });

  it("holds a transactional step's strongest lock until the step commits", () => {
    const sql = [
      "ALTER TABLE public.orders ADD CONSTRAINT orders_total_check CHECK (total > 0) NOT VALID",
      "ALTER TABLE public.orders VALIDATE CONSTRAINT orders_total_check",
    ];
    const together = annotated(sql, {
      lockLevel: "ACCESS EXCLUSIVE",
      transactional: true,
      estimate: SCANNED,
    });
    expect(describeLock(together)).toBe(
      "ACCESS EXCLUSIVE on public.orders (~2.1M rows, 180 MB), held for a full table scan; blocks reads and writes",
    );
    // Statement by statement, the ADD's lock ends with the ADD.
    expect(describeLock({ ...together, transactional: false })).toBe(
      "ACCESS EXCLUSIVE on public.orders (~2.1M rows, 180 MB), held briefly (catalog change only); blocks reads and writes",
    );
  });

  it("says a batched backfill holds row locks one batch at a time", () => {
    const backfill = {
      table: "public.orders",
      key: ["id"],
      set: "note = ''",
      pending: "note IS NULL",
      batchSize: 5000,
    };
    expect(
      describeLock(
        annotated("UPDATE public.orders SET note = '' WHERE note IS NULL", {
          lockLevel: "ROW EXCLUSIVE",
          backfill,
        }),
      ),
    ).toBe(
      "ROW EXCLUSIVE on public.orders (~2.1M rows, 180 MB), held one batch of 5,000 rows at a time; reads and writes continue",
    );
  });

  it("names every table a foreign key locks", () => {
    const step = annotated(
      "ALTER TABLE public.orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES public.customers NOT VALID",
      { lockLevel: "SHARE ROW EXCLUSIVE" },
    );
    expect(describeLock(step)).toBe(
      "SHARE ROW EXCLUSIVE on public.orders and public.customers (~2.1M rows, 180 MB), held briefly (catalog change only); blocks writes, reads continue",
    );
  });

  it("says when nothing existing is locked, and when a table's size is unknown", () => {
    expect(
      describeLock(annotated("CREATE TABLE public.fresh (id int)", { lockLevel: "none", estimate: null })),
    ).toBe("No lock on existing tables");
    expect(
      describeLock(
        annotated("ALTER TABLE public.orders ALTER COLUMN note SET DEFAULT ''", {
          lockLevel: "ACCESS EXCLUSIVE",
          estimate: { rows: 0, bytes: 0, rewrite: false, scan: false },
        }),
      ),
    ).toBe(
      "ACCESS EXCLUSIVE on public.orders (empty or never analyzed), held briefly (catalog change only); blocks reads and writes",
    );
  });
});
