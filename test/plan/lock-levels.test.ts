import { describe, expect, it } from "vitest";
import type { SchemaModel } from "../../src/catalog/model.js";
import { withClient } from "../../src/db/index.js";
import { lockDescriber } from "../../src/plan/annotate.js";
import type { LockLevel } from "../../src/plan/step.js";
import { annotate, annotateOne, modelsAround, planStep } from "./helpers.js";

const SCHEMA = `
  CREATE TABLE public.parent (id int PRIMARY KEY);
  CREATE TABLE public.orders (id int PRIMARY KEY, parent_id int, amount int, note varchar(10), email text,
    CONSTRAINT orders_parent_fk FOREIGN KEY (parent_id) REFERENCES public.parent NOT VALID,
    CONSTRAINT orders_amount_check CHECK (amount > 0) NOT VALID);
  CREATE INDEX orders_amount_idx ON public.orders (amount);
  CREATE STATISTICS public.orders_amount_stats ON amount, parent_id FROM public.orders;
  CREATE SEQUENCE public.counter;
  CREATE VIEW public.order_view AS SELECT id FROM public.orders;
  CREATE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
  CREATE TRIGGER orders_touch BEFORE UPDATE ON public.orders FOR EACH ROW EXECUTE FUNCTION public.touch();
  CREATE TABLE public.events (id int) PARTITION BY RANGE (id);
  CREATE TABLE public.events_1 (id int);
  CREATE UNLOGGED TABLE public.scratch (id int);
  CREATE TABLE public.logs (id int, at int) PARTITION BY RANGE (at);
  CREATE TABLE public.logs_1 PARTITION OF public.logs FOR VALUES FROM (0) TO (10);
  CREATE INDEX logs_id_idx ON ONLY public.logs (id);
  CREATE INDEX logs_1_id_idx ON public.logs_1 (id);
  CREATE DOMAIN public.positive AS int;
  CREATE TABLE public.measures (value public.positive);
  INSERT INTO public.parent SELECT g FROM generate_series(1, 100) AS g;
  INSERT INTO public.orders SELECT g, g, g, 'n', 'e' || g FROM generate_series(1, 100) AS g`;

/** Each case: the step's SQL and the lock level PostgreSQL's documentation gives for it. */
const CASES: [string | string[], LockLevel][] = [
  ["ALTER TABLE public.orders ADD COLUMN extra int", "ACCESS EXCLUSIVE"],
  [
    "ALTER TABLE public.orders ADD CONSTRAINT orders_parent2_fk FOREIGN KEY (parent_id) REFERENCES public.parent NOT VALID",
    "SHARE ROW EXCLUSIVE",
  ],
  ["ALTER TABLE public.orders VALIDATE CONSTRAINT orders_parent_fk", "SHARE UPDATE EXCLUSIVE"],
  ["ALTER TABLE public.orders VALIDATE CONSTRAINT orders_amount_check", "SHARE UPDATE EXCLUSIVE"],
  ["ALTER TABLE public.orders ALTER COLUMN amount SET STATISTICS 200", "SHARE UPDATE EXCLUSIVE"],
  ["ALTER TABLE public.orders SET (fillfactor = 70)", "SHARE UPDATE EXCLUSIVE"],
  ["ALTER TABLE public.orders SET (autovacuum_enabled = false)", "SHARE UPDATE EXCLUSIVE"],
  ["ALTER TABLE public.orders CLUSTER ON orders_amount_idx", "SHARE UPDATE EXCLUSIVE"],
  ["ALTER TABLE public.orders DISABLE TRIGGER orders_touch", "SHARE ROW EXCLUSIVE"],
  ["ALTER TABLE public.orders ALTER COLUMN amount SET DEFAULT 1", "ACCESS EXCLUSIVE"],
  ["ALTER TABLE public.orders ALTER COLUMN amount SET NOT NULL", "ACCESS EXCLUSIVE"],
  ["ALTER TABLE public.orders ALTER COLUMN email TYPE varchar(200)", "ACCESS EXCLUSIVE"],
  ["ALTER TABLE public.orders DROP COLUMN email", "ACCESS EXCLUSIVE"],
  ["ALTER TABLE public.orders DROP CONSTRAINT orders_parent_fk", "ACCESS EXCLUSIVE"],
  [
    "ALTER TABLE public.orders ADD CONSTRAINT orders_positive CHECK (amount > 0) NOT VALID",
    "ACCESS EXCLUSIVE",
  ],
  ["ALTER TABLE public.orders ADD CONSTRAINT orders_email_key UNIQUE (email)", "ACCESS EXCLUSIVE"],
  [
    "ALTER TABLE public.orders ADD CONSTRAINT orders_excl EXCLUDE USING btree (amount WITH =)",
    "ACCESS EXCLUSIVE",
  ],
  ["ALTER TABLE public.orders ENABLE ROW LEVEL SECURITY", "ACCESS EXCLUSIVE"],
  ["ALTER TABLE public.scratch SET LOGGED", "ACCESS EXCLUSIVE"],
  [
    "ALTER TABLE public.events ATTACH PARTITION public.events_1 FOR VALUES FROM (1) TO (10)",
    "ACCESS EXCLUSIVE",
  ],
  ["ALTER TABLE public.orders RENAME COLUMN email TO mail", "ACCESS EXCLUSIVE"],
  ["ALTER TABLE public.orders RENAME TO purchases", "ACCESS EXCLUSIVE"],
  ["ALTER TABLE public.orders RENAME CONSTRAINT orders_amount_check TO orders_amount_ok", "ACCESS EXCLUSIVE"],
  ["ALTER INDEX public.orders_amount_idx RENAME TO orders_amount_index", "SHARE UPDATE EXCLUSIVE"],
  ["ALTER SEQUENCE public.counter RESTART", "SHARE ROW EXCLUSIVE"],
  ["CREATE INDEX orders_email_idx ON public.orders (email)", "SHARE"],
  ["CREATE INDEX logs_at_idx ON ONLY public.logs (at)", "SHARE"],
  ["ALTER INDEX public.logs_id_idx ATTACH PARTITION public.logs_1_id_idx", "ACCESS EXCLUSIVE"],
  ["CREATE TABLE public.items (id int, parent_id int REFERENCES public.parent)", "SHARE ROW EXCLUSIVE"],
  [
    "CREATE TABLE public.events_2 PARTITION OF public.events FOR VALUES FROM (10) TO (20)",
    "ACCESS EXCLUSIVE",
  ],
  ["CREATE TABLE public.special_orders () INHERITS (public.orders)", "SHARE UPDATE EXCLUSIVE"],
  ["CREATE TABLE public.snapshot AS SELECT * FROM public.orders", "ACCESS SHARE"],
  ["SELECT * INTO public.parent_copy FROM public.parent", "ACCESS SHARE"],
  ["CREATE VIEW public.big_orders AS SELECT * FROM public.orders WHERE amount > 50", "none"],
  ["CREATE OR REPLACE VIEW public.order_view AS SELECT id FROM public.orders", "ACCESS EXCLUSIVE"],
  ["CREATE FUNCTION public.answer() RETURNS int LANGUAGE sql AS 'SELECT 42'", "none"],
  ["COMMENT ON TABLE public.orders IS 'orders'", "SHARE UPDATE EXCLUSIVE"],
  ["COMMENT ON COLUMN public.orders.amount IS 'amount'", "SHARE UPDATE EXCLUSIVE"],
  ["GRANT SELECT ON public.orders TO PUBLIC", "none"],
  [
    "CREATE TRIGGER orders_touch2 BEFORE INSERT ON public.orders FOR EACH ROW EXECUTE FUNCTION public.touch()",
    "SHARE ROW EXCLUSIVE",
  ],
  ["DROP TRIGGER orders_touch ON public.orders", "ACCESS EXCLUSIVE"],
  ["CREATE STATISTICS public.orders_note_stats ON note, email FROM public.orders", "SHARE UPDATE EXCLUSIVE"],
  ["DROP STATISTICS public.orders_amount_stats", "SHARE UPDATE EXCLUSIVE"],
  ["CREATE POLICY orders_all ON public.orders USING (true)", "ACCESS EXCLUSIVE"],
  ["DROP TABLE public.orders CASCADE", "ACCESS EXCLUSIVE"],
  ["DROP TABLE public.parent CASCADE", "ACCESS EXCLUSIVE"],
  ["DROP INDEX public.orders_amount_idx", "ACCESS EXCLUSIVE"],
  ["DROP VIEW public.order_view", "ACCESS EXCLUSIVE"],
  ["TRUNCATE public.orders", "ACCESS EXCLUSIVE"],
  ["UPDATE public.orders SET amount = amount + 1", "ROW EXCLUSIVE"],
  ["DELETE FROM public.orders WHERE id = 1", "ROW EXCLUSIVE"],
  ["INSERT INTO public.orders (id) SELECT id + 1000 FROM public.parent", "ROW EXCLUSIVE"],
  ["REINDEX TABLE public.orders", "ACCESS EXCLUSIVE"],
  ["LOCK TABLE public.orders IN SHARE MODE", "SHARE"],
  ["LOCK TABLE public.orders IN EXCLUSIVE MODE", "EXCLUSIVE"],
  ["ANALYZE public.orders", "SHARE UPDATE EXCLUSIVE"],
  ["ALTER DOMAIN public.positive ADD CONSTRAINT positive_check CHECK (VALUE > 0)", "SHARE"],
  [
    [
      "CREATE TABLE public.fresh (id int)",
      "ALTER TABLE public.fresh ADD COLUMN x int NOT NULL",
      "CREATE INDEX fresh_x ON public.fresh (x)",
      "COMMENT ON TABLE public.fresh IS 'new'",
    ],
    "none",
  ],
];

// pg_locks mode names, weakest first (PostgreSQL's lockdefs.h numbering).
const MODES = [
  "AccessShareLock",
  "RowShareLock",
  "RowExclusiveLock",
  "ShareUpdateExclusiveLock",
  "ShareLock",
  "ShareRowExclusiveLock",
  "ExclusiveLock",
  "AccessExclusiveLock",
];

const MODE_OF: Record<LockLevel, string | null> = {
  none: null,
  "ACCESS SHARE": "AccessShareLock",
  "ROW EXCLUSIVE": "RowExclusiveLock",
  "SHARE UPDATE EXCLUSIVE": "ShareUpdateExclusiveLock",
  SHARE: "ShareLock",
  "SHARE ROW EXCLUSIVE": "ShareRowExclusiveLock",
  EXCLUSIVE: "ExclusiveLock",
  "ACCESS EXCLUSIVE": "AccessExclusiveLock",
};

/** Strength on lockdefs' scale; ACCESS SHARE blocks no one and counts as taking no lock. */
function strength(mode: string | null): number {
  const rank = mode === null ? 0 : MODES.indexOf(mode) + 1;
  return rank <= 1 ? 0 : rank;
}

/** The strongest mode the statements take on relations that existed before them, as pg_locks reports it. */
async function strongestHeld(url: string, statements: string[]): Promise<number> {
  return withClient(url, async (client) => {
    const existing = await client.query<{ oid: number }>(
      "SELECT oid::int FROM pg_class WHERE relnamespace = 'public'::regnamespace",
    );
    await client.query("BEGIN");
    try {
      for (const sql of statements) await client.query(sql);
      const held = await client.query<{ mode: string }>(
        "SELECT mode FROM pg_locks WHERE pid = pg_backend_pid() AND relation = ANY($1::oid[])",
        [existing.rows.map((row) => row.oid)],
      );
      return Math.max(0, ...held.rows.map((row) => strength(row.mode)));
    } finally {
      await client.query("ROLLBACK");
    }
  });
}

async function annotatedLevel(sql: string | string[], source: SchemaModel): Promise<LockLevel> {
  return (await annotateOne(planStep(sql), { source, target: source })).lockLevel;
}

describe("lock levels", () => {
  it("matches the documented level for each statement form", async () => {
    const { source } = await modelsAround(SCHEMA);
    const wrong: string[] = [];
    for (const [sql, expected] of CASES) {
      const level = await annotatedLevel(sql, source);
      if (level !== expected) wrong.push(`${sql}: ${level}, expected ${expected}`);
    }
    expect(wrong).toEqual([]);
  });

  it("is what PostgreSQL really holds (pg_locks) for each statement form", async () => {
    const { source, url } = await modelsAround(SCHEMA);
    const wrong: string[] = [];
    for (const [sql] of CASES) {
      const statements = Array.isArray(sql) ? sql : [sql];
      const level = await annotatedLevel(statements, source);
      const held = await strongestHeld(url, statements);
      if (held !== strength(MODE_OF[level]))
        wrong.push(`${statements[0]}: annotated ${level}, pg_locks ${MODES[held - 1] ?? "none"}`);
    }
    expect(wrong).toEqual([]);
  });

  it("gives the concurrent forms SHARE UPDATE EXCLUSIVE", async () => {
    const { source } = await modelsAround(SCHEMA);
    const concurrent = [
      "CREATE INDEX CONCURRENTLY orders_email_idx ON public.orders (email)",
      "DROP INDEX CONCURRENTLY public.orders_amount_idx",
      "REINDEX INDEX CONCURRENTLY public.orders_amount_idx",
    ];
    for (const sql of concurrent)
      expect(await annotatedLevel(sql, source), sql).toBe("SHARE UPDATE EXCLUSIVE");
  });

  it("records none for statements on tables an earlier step created", async () => {
    const { source } = await modelsAround(SCHEMA);
    const levels = (
      await annotate(
        [
          planStep("CREATE TABLE public.ledger (id int, parent_id int)"),
          planStep("ALTER TABLE public.ledger ADD COLUMN total bigint NOT NULL"),
          planStep("CREATE INDEX ledger_total ON public.ledger (total)"),
          planStep(
            "ALTER TABLE public.ledger ADD CONSTRAINT ledger_parent_fk FOREIGN KEY (parent_id) REFERENCES public.parent",
          ),
        ],
        { source, target: source },
      )
    ).map((step) => step.lockLevel);
    // Only the foreign key reaches an existing table: the referenced one.
    expect(levels).toEqual(["none", "none", "none", "SHARE ROW EXCLUSIVE"]);
  });

  it("sees through renames: a table moved aside is still the table people use", async () => {
    const { source } = await modelsAround(SCHEMA);
    const steps = await annotate(
      [
        planStep("ALTER TABLE public.orders RENAME TO orders_old"),
        planStep("ALTER TABLE public.orders_old ADD COLUMN archived boolean"),
        planStep("CREATE TABLE public.orders (id int)"),
        planStep("ALTER TABLE public.orders ADD COLUMN total int"),
      ],
      { source, target: source },
    );
    expect(steps.map((step) => step.lockLevel)).toEqual([
      "ACCESS EXCLUSIVE",
      "ACCESS EXCLUSIVE",
      "none",
      "none",
    ]);
  });
});

describe("locks a dropped table takes on its neighbours", () => {
  it("names the tables on the other end of its foreign keys, in both directions, and itself once", async () => {
    const { source } = await modelsAround(`${SCHEMA};
      CREATE TABLE public.tree (id int PRIMARY KEY, parent_id int REFERENCES public.tree);`);
    const describeLock = lockDescriber(source);
    const locked = (sql: string) =>
      /^ACCESS EXCLUSIVE on (.*), held/.exec(describeLock(planStep(sql, { estimate: null })))?.[1];
    // orders' key references parent: dropping either table drops the key, which locks the other one too.
    expect(locked("DROP TABLE public.parent CASCADE")).toBe("public.parent and public.orders");
    expect(locked("DROP TABLE public.orders CASCADE")).toBe("public.orders and public.parent");
    expect(locked("DROP TABLE public.tree")).toBe("public.tree");
    expect(locked("DROP TABLE public.scratch")).toBe("public.scratch");
  });
});
