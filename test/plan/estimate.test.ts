import { describe, expect, it } from "vitest";
import { withClient } from "../../src/db/index.js";
import { annotateSteps } from "../../src/plan/annotate.js";
import { annotate, LOCK_TIMEOUT_MS, modelsAround, planStep } from "./helpers.js";

const SCHEMA = `
  CREATE TABLE public.customers (id bigint PRIMARY KEY, name text);
  CREATE TABLE public.orders (id bigint PRIMARY KEY, customer_id bigint, total numeric, note text);
  CREATE INDEX orders_note_idx ON public.orders (note);
  INSERT INTO public.customers SELECT g, 'customer ' || g FROM generate_series(1, 300) AS g;
  INSERT INTO public.orders SELECT g, 1 + g % 300, g, repeat('x', 50) FROM generate_series(1, 20000) AS g`;

interface PgClassSize {
  rows: number;
  bytes: number;
}

/** What pg_class says, asked directly rather than through the model. */
async function pgClass(url: string, table: string): Promise<PgClassSize> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<PgClassSize>(
      `SELECT reltuples::float8 AS rows, (relpages::bigint * current_setting('block_size')::int)::float8 AS bytes
         FROM pg_class WHERE oid = $1::regclass`,
      [table],
    );
    return rows[0]!;
  });
}

describe("estimates", () => {
  it("take rows and bytes of the tables a step touches from pg_class, summed", async () => {
    const models = await modelsAround(SCHEMA);
    const orders = await pgClass(models.url, "public.orders");
    const customers = await pgClass(models.url, "public.customers");
    // ANALYZE of a table this small reads every row, so reltuples is exact.
    expect(orders.rows).toBe(20000);
    expect(orders.bytes).toBeGreaterThan(1024 * 1024);

    const [addColumn, foreignKey, dropIndex] = await annotate(
      [
        planStep("ALTER TABLE public.orders ADD COLUMN shipped boolean"),
        planStep(
          "ALTER TABLE public.orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES public.customers",
        ),
        planStep("DROP INDEX CONCURRENTLY public.orders_note_idx"),
      ],
      models,
    );
    expect(addColumn?.estimate).toEqual({ ...orders, rewrite: false, scan: false });
    expect(foreignKey?.estimate).toEqual({
      rows: orders.rows + customers.rows,
      bytes: orders.bytes + customers.bytes,
      rewrite: false,
      scan: true,
    });
    // DROP INDEX names the index; the estimate is of the table it belongs to.
    expect(dropIndex?.estimate).toEqual({ ...orders, rewrite: false, scan: false });
  });

  it("counts the index rebuild of a column moved to a rebuilt collation, which rewrites nothing", async () => {
    const collation = (locale: string) =>
      `CREATE COLLATION public.ci (provider = icu, locale = '${locale}', deterministic = false)`;
    const models = await modelsAround(
      `${collation("und-u-ks-level2")}; ${SCHEMA}; ALTER TABLE public.orders ALTER COLUMN note TYPE text COLLATE public.ci`,
      `DROP INDEX public.orders_note_idx; ALTER TABLE public.orders ALTER COLUMN note TYPE text;
       DROP COLLATION public.ci; ${collation("und-u-ks-level1")};
       ALTER TABLE public.orders ALTER COLUMN note TYPE text COLLATE public.ci; CREATE INDEX orders_note_idx ON public.orders (note)`,
    );
    const orders = await pgClass(models.url, "public.orders");
    const [recollate, widen] = await annotate(
      [
        planStep("ALTER TABLE public.orders ALTER COLUMN note TYPE text COLLATE public.ci"),
        planStep("ALTER TABLE public.orders ALTER COLUMN id TYPE bigint"),
      ],
      models,
    );
    expect(recollate?.estimate).toEqual({ ...orders, rewrite: false, scan: true });
    expect(widen?.estimate).toEqual({ ...orders, rewrite: false, scan: false });
  });

  it("is null for steps that touch no existing table", async () => {
    const models = await modelsAround(SCHEMA);
    const steps = await annotate(
      [
        planStep("CREATE TABLE public.refunds (id bigint, order_id bigint)"),
        planStep("CREATE INDEX refunds_order_idx ON public.refunds (order_id)"),
        planStep("CREATE VIEW public.big_orders AS SELECT * FROM public.orders WHERE total > 100"),
      ],
      models,
    );
    expect(steps.map((step) => step.estimate)).toEqual([null, null, null]);
  });

  it("sets the lock timeout on every step, and none when downtime is allowed", async () => {
    const models = await modelsAround(SCHEMA);
    const steps = [
      planStep("ALTER TABLE public.orders ADD COLUMN shipped boolean"),
      planStep("CREATE TABLE public.x (id int)"),
    ];
    const online = await annotate(steps, models);
    expect(online.map((s) => [s.lockTimeoutMs, s.statementTimeoutMs])).toEqual([
      [LOCK_TIMEOUT_MS, null],
      [LOCK_TIMEOUT_MS, null],
    ]);
    const withDowntime = await annotateSteps(steps, {
      ...models,
      downtimeAllowed: true,
      lockTimeoutMs: 5000,
    });
    expect(withDowntime.map((s) => s.lockTimeoutMs)).toEqual([0, 0]);
  });
});
