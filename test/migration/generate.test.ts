import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { withClient } from "../../src/db/index.js";
import { MigrateError } from "../../src/errors.js";
import { generateMigration } from "../../src/migration/index.js";
import { readPlan } from "../../src/plan/index.js";
import { runScript } from "../../src/run/script.js";
import { runCli } from "../helpers/cli.js";
import { freshDatabase, serverUrl } from "../helpers/db.js";
import { ensureTestRoles } from "../helpers/roundtrip.js";

const OLD = `CREATE TABLE customers (id int PRIMARY KEY, email text NOT NULL, legacy text);
             CREATE TABLE orders (id int PRIMARY KEY, customer_id int REFERENCES customers, total numeric);`;
const NEW = `CREATE TYPE order_status AS ENUM ('new', 'paid');
             CREATE TABLE customers (id int PRIMARY KEY, email text NOT NULL);
             CREATE TABLE orders (id int PRIMARY KEY, customer_id int REFERENCES customers, total numeric,
                                  status order_status NOT NULL DEFAULT 'new');
             CREATE INDEX orders_customer ON orders (customer_id);
             CREATE VIEW order_totals AS SELECT customer_id, sum(total) AS total FROM orders GROUP BY 1;`;

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "mm-plan-"));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

describe("generate", () => {
  it("writes a plan directory whose scripts migrate, verify and roll back", async () => {
    const [source, target] = await Promise.all([freshDatabase(OLD), freshDatabase(NEW)]);
    const out = join(tempDir(), "plan");
    const result = await generateMigration({
      source: source.url,
      target: target.url,
      out,
      name: "Add order status",
      allowDestructive: true,
    });
    expect(result.plan.name).toBe("add-order-status");
    const { plan } = await readPlan(out);
    expect(plan.steps.map((s) => s.summary)).toContainEqual(
      expect.stringMatching(/^drop column public\.customers\.legacy \(values kept in migrate_mcp_trash/),
    );
    expect(plan.steps.find((s) => s.summary.startsWith("drop column"))?.destructive).toBe(true);

    const forward = readFileSync(join(out, "forward.sql"), "utf8");
    expect(forward).toMatch(/-- step 001: /);
    await withClient(source.url, async (client) => {
      await runScript(client, forward, "forward.sql");
      await runScript(client, readFileSync(join(out, "verify.sql"), "utf8"), "verify.sql");
      await runScript(client, readFileSync(join(out, "rollback.sql"), "utf8"), "rollback.sql");
      // Back at the old schema, verify.sql (which asserts the new one) must fail.
      await expect(
        runScript(client, readFileSync(join(out, "verify.sql"), "utf8"), "verify.sql"),
      ).rejects.toThrow(/schema does not match the plan target/);
    });
  });

  it("is deterministic: the same inputs give byte-identical scripts", async () => {
    const [source, target] = await Promise.all([freshDatabase(OLD), freshDatabase(NEW)]);
    const dirs = [join(tempDir(), "a"), join(tempDir(), "b")];
    for (const out of dirs) {
      await generateMigration({ source: source.url, target: target.url, out, allowDestructive: true });
    }
    for (const file of ["forward.sql", "rollback.sql", "verify.sql"]) {
      expect(readFileSync(join(dirs[0]!, file), "utf8")).toBe(readFileSync(join(dirs[1]!, file), "utf8"));
    }
  });

  it("refuses data loss without --allow-destructive and lists each destructive change", async () => {
    const [source, target] = await Promise.all([freshDatabase(OLD), freshDatabase(NEW)]);
    const error = await generateMigration({ source: source.url, target: target.url, out: tempDir() }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(MigrateError);
    expect((error as MigrateError).code).toBe("DESTRUCTIVE");
    expect((error as MigrateError).message).toContain("drop column public.customers.legacy");
    expect((error as MigrateError).message).toContain("--allow-destructive");
  });

  it("rebuilds and drops materialized views without --allow-destructive: their rows come from their query", async () => {
    const schema = (total: string) => `CREATE TABLE orders (id int PRIMARY KEY, total ${total});
      CREATE MATERIALIZED VIEW order_totals AS SELECT id, total FROM orders;`;
    const source = await freshDatabase(
      `${schema("int")} CREATE MATERIALIZED VIEW old_report AS SELECT count(*) FROM orders;
       INSERT INTO orders VALUES (1, 10); REFRESH MATERIALIZED VIEW order_totals;`,
    );
    const target = await freshDatabase(schema("bigint"));
    const out = tempDir();
    const { plan } = await generateMigration({ source: source.url, target: target.url, out });
    expect(plan.forwardSteps.map((step) => step.summary)).toEqual(
      expect.arrayContaining([
        "drop materialized view public.old_report",
        "create materialized view public.order_totals",
      ]),
    );
    expect(plan.forwardSteps.some((step) => step.destructive)).toBe(false);
    await withClient(source.url, async (client) => {
      await runScript(client, readFileSync(join(out, "forward.sql"), "utf8"));
      // The rebuilt view is filled again from its table.
      const rows = await client.query("SELECT id, total::int FROM order_totals");
      expect(rows.rows).toEqual([{ id: 1, total: 10 }]);
    });
  });

  it("refuses a tampered plan", async () => {
    const [source, target] = await Promise.all([freshDatabase(OLD), freshDatabase(NEW)]);
    const out = tempDir();
    await generateMigration({ source: source.url, target: target.url, out, allowDestructive: true });
    writeFileSync(
      join(out, "forward.sql"),
      `${readFileSync(join(out, "forward.sql"), "utf8")}\nDROP TABLE orders;\n`,
    );
    await expect(readPlan(out)).rejects.toThrow(/forward\.sql .* was changed after planning/);
  });

  it("names object kinds it cannot migrate instead of skipping them", async () => {
    const source = await freshDatabase("CREATE TABLE t (x int)");
    const target = await freshDatabase(
      "CREATE TABLE t (x int); CREATE OPERATOR === (leftarg = int, rightarg = int, function = int4eq)",
    );
    await expect(
      generateMigration({ source: source.url, target: target.url, out: tempDir() }),
    ).rejects.toThrow(/does not support yet: operator public\.===\(integer,integer\)/);
  });

  it("names every object of a kind it cannot migrate instead of skipping it", async () => {
    const source = await freshDatabase("CREATE TABLE t (id int PRIMARY KEY)");
    const target = await freshDatabase(`
      CREATE TABLE t (id int PRIMARY KEY);
      CREATE PUBLICATION pub_t FOR TABLE t;
      CREATE FOREIGN DATA WRAPPER dummy_fdw;
      CREATE SERVER remote FOREIGN DATA WRAPPER dummy_fdw;
      CREATE ACCESS METHOD heap2 TYPE TABLE HANDLER heap_tableam_handler;
      CREATE OPERATOR CLASS int_ops2 FOR TYPE int USING btree AS OPERATOR 1 <, FUNCTION 1 btint4cmp(int, int);`);
    const refusal = await generateMigration({ source: source.url, target: target.url, out: tempDir() }).then(
      () => "",
      (error: Error) => error.message,
    );
    for (const named of [
      "publication pub_t",
      "foreign-data wrapper dummy_fdw",
      "foreign server remote",
      "access method heap2",
      "operator class public.int_ops2 USING btree",
      "operator family public.int_ops2 USING btree",
    ]) {
      expect(refusal).toContain(named);
    }
    expect(refusal).toMatch(/^cannot migrate 6 object\(s\) of kinds the engine does not support yet: /);
  });

  it("writes default privileges after the objects it creates, naming only another role's rule FOR ROLE", async () => {
    await ensureTestRoles();
    const source = await freshDatabase("CREATE SCHEMA app");
    const target = await freshDatabase(`
      CREATE SCHEMA app;
      ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT SELECT ON TABLES TO migrate_mcp_test_role;
      ALTER DEFAULT PRIVILEGES FOR ROLE migrate_mcp_test_role IN SCHEMA app GRANT DELETE ON TABLES TO PUBLIC;
      CREATE TABLE app.orders (id int)`);
    const { plan } = await generateMigration({ source: source.url, target: target.url, out: tempDir() });
    const sql = plan.forwardSteps.flatMap((step) => step.statements.map((s) => s.sql));
    const own = sql.indexOf(
      "ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT SELECT ON TABLES TO migrate_mcp_test_role",
    );
    const other = sql.indexOf(
      "ALTER DEFAULT PRIVILEGES FOR ROLE migrate_mcp_test_role IN SCHEMA app GRANT DELETE ON TABLES TO PUBLIC",
    );
    const grant = sql.indexOf("GRANT SELECT ON TABLE app.orders TO migrate_mcp_test_role");
    expect(own).toBeGreaterThan(grant);
    expect(other).toBeGreaterThan(grant);
    expect(grant).toBeGreaterThan(sql.findIndex((s) => s.startsWith("CREATE TABLE app.orders")));
  });

  it("recasts a stored composite type through text without asking for --allow-destructive", async () => {
    const source = await freshDatabase("CREATE TYPE m AS (a int); CREATE TABLE t (p m)");
    const target = await freshDatabase("CREATE TYPE m AS (a bigint); CREATE TABLE t (p m)");
    const { plan } = await generateMigration({ source: source.url, target: target.url, out: tempDir() });
    const sql = plan.forwardSteps.flatMap((step) => step.statements.map((s) => s.sql));
    expect(sql).toContain("ALTER TABLE public.t ALTER COLUMN p TYPE public.m USING p::text::public.m");
  });

  it("refuses to change a composite attribute's type while a column stores the type and a typed table has it", async () => {
    // Without the typed table the type is rebuilt and the column recast (round-trip case 269).
    const source = await freshDatabase(
      "CREATE TYPE m AS (a int); CREATE TABLE t (p m); CREATE TABLE typed OF m",
    );
    const target = await freshDatabase(
      "CREATE TYPE m AS (a bigint); CREATE TABLE t (p m); CREATE TABLE typed OF m",
    );
    await expect(
      generateMigration({ source: source.url, target: target.url, out: tempDir() }),
    ).rejects.toThrow(
      /^cannot change the type of attribute a of composite type public\.m while column public\.t\.p stores it/,
    );
  });

  it("keeps a column's values when a function its default calls is rebuilt", async () => {
    const fn = (type: string) =>
      `CREATE FUNCTION def_n() RETURNS ${type} LANGUAGE sql IMMUTABLE AS 'SELECT 1::${type}';`;
    const table = "CREATE TABLE t (id int PRIMARY KEY, n bigint NOT NULL DEFAULT def_n() UNIQUE);";
    const source = await freshDatabase(`${fn("int")} ${table} INSERT INTO t VALUES (1, 42), (2, 7);`);
    const target = await freshDatabase(`${fn("bigint")} ${table}`);
    const out = tempDir();
    await generateMigration({ source: source.url, target: target.url, out });
    await withClient(source.url, async (client) => {
      const rows = "SELECT id, n::int FROM t ORDER BY id";
      await runScript(client, readFileSync(join(out, "forward.sql"), "utf8"));
      expect((await client.query(rows)).rows).toEqual([
        { id: 1, n: 42 },
        { id: 2, n: 7 },
      ]);
      await runScript(client, readFileSync(join(out, "verify.sql"), "utf8"));
      await runScript(client, readFileSync(join(out, "rollback.sql"), "utf8"));
      expect((await client.query(rows)).rows).toEqual([
        { id: 1, n: 42 },
        { id: 2, n: 7 },
      ]);
    });
  });

  it("keeps an enum column's values when a value goes and its default calls a function returning the enum", async () => {
    const schema = (labels: string) => `CREATE TYPE state AS ENUM (${labels});
      CREATE FUNCTION default_state() RETURNS state LANGUAGE sql IMMUTABLE AS $$ SELECT 'off'::state $$;
      CREATE TABLE devices (id int PRIMARY KEY, s state DEFAULT default_state());`;
    const source = await freshDatabase(
      `${schema("'on', 'off', 'broken'")} INSERT INTO devices VALUES (1, 'on'), (2, 'off');`,
    );
    const target = await freshDatabase(schema("'on', 'off'"));
    const out = tempDir();
    await generateMigration({ source: source.url, target: target.url, out, allowDestructive: true });
    await withClient(source.url, async (client) => {
      const rows = "SELECT id, s::text FROM devices ORDER BY id";
      const kept = [
        { id: 1, s: "on" },
        { id: 2, s: "off" },
      ];
      await runScript(client, readFileSync(join(out, "forward.sql"), "utf8"));
      expect((await client.query(rows)).rows).toEqual(kept);
      await client.query("INSERT INTO devices (id) VALUES (3)");
      expect((await client.query("SELECT s::text FROM devices WHERE id = 3")).rows).toEqual([{ s: "off" }]);
      await client.query("DELETE FROM devices WHERE id = 3");
      await runScript(client, readFileSync(join(out, "verify.sql"), "utf8"));
      await runScript(client, readFileSync(join(out, "rollback.sql"), "utf8"));
      expect((await client.query(rows)).rows).toEqual(kept);
    });
  });

  it("keeps a column's values when the domain it stores changes base type", async () => {
    const schema = (base: string) => `CREATE DOMAIN amount AS ${base} CHECK (VALUE >= 0);
      CREATE TABLE payments (id int PRIMARY KEY, paid amount NOT NULL DEFAULT 0, history amount[]);`;
    const source = await freshDatabase(
      `${schema("int")} INSERT INTO payments VALUES (1, 42, '{1,2}'), (2, 7, NULL);`,
    );
    const target = await freshDatabase(schema("bigint"));
    const out = tempDir();
    const { plan } = await generateMigration({ source: source.url, target: target.url, out });
    expect(plan.forwardSteps.some((step) => step.destructive)).toBe(false);
    await withClient(source.url, async (client) => {
      const rows = "SELECT id, paid::int, history::int[] FROM payments ORDER BY id";
      const kept = [
        { id: 1, paid: 42, history: [1, 2] },
        { id: 2, paid: 7, history: null },
      ];
      await runScript(client, readFileSync(join(out, "forward.sql"), "utf8"));
      expect((await client.query(rows)).rows).toEqual(kept);
      await runScript(client, readFileSync(join(out, "verify.sql"), "utf8"));
      await runScript(client, readFileSync(join(out, "rollback.sql"), "utf8"));
      expect((await client.query(rows)).rows).toEqual(kept);
    });
  });

  it("keeps a column's values when the collation it uses changes definition", async () => {
    const schema = (
      locale: string,
    ) => `CREATE COLLATION ci (provider = icu, locale = '${locale}', deterministic = false);
      CREATE TABLE users (id int PRIMARY KEY, email text COLLATE ci NOT NULL UNIQUE, tags text[] COLLATE ci);
      CREATE VIEW user_emails AS SELECT id, email FROM users;`;
    const source = await freshDatabase(
      `${schema("und-u-ks-level2")} INSERT INTO users VALUES (1, 'Ann@x', '{a,b}'), (2, 'Bob@x', NULL);`,
    );
    const target = await freshDatabase(schema("und-u-ks-level1"));
    const out = tempDir();
    const { plan } = await generateMigration({ source: source.url, target: target.url, out });
    expect(plan.forwardSteps.some((step) => step.destructive)).toBe(false);
    await withClient(source.url, async (client) => {
      const rows = "SELECT id, email, tags FROM user_emails JOIN users USING (id, email) ORDER BY id";
      const kept = [
        { id: 1, email: "Ann@x", tags: ["a", "b"] },
        { id: 2, email: "Bob@x", tags: null },
      ];
      await runScript(client, readFileSync(join(out, "forward.sql"), "utf8"));
      expect((await client.query(rows)).rows).toEqual(kept);
      // level1 ignores accents as well as case: the new collation is the one in force.
      const accents = "SELECT count(*)::int AS n FROM users WHERE email = 'Änn@X'";
      expect((await client.query(accents)).rows).toEqual([{ n: 1 }]);
      await runScript(client, readFileSync(join(out, "verify.sql"), "utf8"));
      await runScript(client, readFileSync(join(out, "rollback.sql"), "utf8"));
      expect((await client.query(rows)).rows).toEqual(kept);
      expect((await client.query(accents)).rows).toEqual([{ n: 0 }]);
    });
  });

  it("keeps a composite column's values when an attribute is inserted before others", async () => {
    const schema = (attributes: string, fallback: string) => `CREATE TYPE address AS (${attributes});
      CREATE TABLE customers (id int PRIMARY KEY, billing address, shipping address DEFAULT ${fallback});`;
    const source = await freshDatabase(
      `${schema("city text, zip text", "ROW('-', NULL)::address")}
       INSERT INTO customers VALUES (1, ROW('Berlin', '10115'), ROW('Paris', '75001')), (2, NULL, ROW(NULL, NULL));`,
    );
    const target = await freshDatabase(
      schema("city text, region text, zip text", "ROW('-', NULL, NULL)::address"),
    );
    const out = tempDir();
    const { plan } = await generateMigration({ source: source.url, target: target.url, out });
    expect(plan.forwardSteps.some((step) => step.destructive)).toBe(false);
    await withClient(source.url, async (client) => {
      const rows = "SELECT id, billing::text, shipping::text FROM customers ORDER BY id";
      await runScript(client, readFileSync(join(out, "forward.sql"), "utf8"));
      expect((await client.query(rows)).rows).toEqual([
        { id: 1, billing: "(Berlin,,10115)", shipping: "(Paris,,75001)" },
        { id: 2, billing: null, shipping: "(,,)" },
      ]);
      await runScript(client, readFileSync(join(out, "verify.sql"), "utf8"));
      await runScript(client, readFileSync(join(out, "rollback.sql"), "utf8"));
      expect((await client.query(rows)).rows).toEqual([
        { id: 1, billing: "(Berlin,10115)", shipping: "(Paris,75001)" },
        { id: 2, billing: null, shipping: "(,)" },
      ]);
    });
  });

  it("refuses a composite change that loses the values columns store, unless confirmed", async () => {
    const source = await freshDatabase(
      "CREATE TYPE address AS (city text, zip text, legacy text); CREATE TABLE customers (id int, a address)",
    );
    const target = await freshDatabase(
      "CREATE TYPE address AS (city text, zip text); CREATE TABLE customers (id int, a address)",
    );
    await expect(
      generateMigration({ source: source.url, target: target.url, out: tempDir() }),
    ).rejects.toThrow(/^the plan would destroy data in 1 change\(s\): alter composite public\.address;/);
    // Nothing stores the type: dropping its attribute loses nothing.
    const unused = await freshDatabase("CREATE TYPE address AS (city text, zip text, legacy text)");
    const unusedTarget = await freshDatabase("CREATE TYPE address AS (city text, zip text)");
    await generateMigration({ source: unused.url, target: unusedTarget.url, out: tempDir() });
  });

  it("refuses to rebuild an enum stored in a partition key column, which PostgreSQL cannot retype", async () => {
    const schema = (labels: string) => `CREATE TYPE region AS ENUM (${labels});
      CREATE TABLE sales (id int, r region NOT NULL) PARTITION BY LIST (r);`;
    const source = await freshDatabase(schema("'eu', 'us'"));
    const target = await freshDatabase(schema("'eu', 'us', 'apac'"));
    // Adding a value is an ALTER TYPE, but the rollback would have to remove it.
    await expect(
      generateMigration({ source: source.url, target: target.url, out: tempDir(), allowDestructive: true }),
    ).rejects.toThrow(
      /^cannot rebuild type public\.region, as the plan or its rollback must, while column public\.sales\.r stores it: the column is in the partition key of public\.sales/,
    );
  });

  it("refuses to rebuild a collation a partition key column uses, which PostgreSQL cannot change", async () => {
    const schema = (locale: string) => `CREATE COLLATION ci (provider = icu, locale = '${locale}');
      CREATE TABLE accounts (id int, login text COLLATE ci NOT NULL) PARTITION BY LIST (login);`;
    const source = await freshDatabase(schema("und-u-ks-level2"));
    const target = await freshDatabase(schema("und-u-ks-level1"));
    await expect(
      generateMigration({ source: source.url, target: target.url, out: tempDir(), allowDestructive: true }),
    ).rejects.toThrow(
      /^cannot rebuild collation public\.ci, as the plan or its rollback must, while column public\.accounts\.login uses it: the column is in the partition key of public\.accounts, whose type and collation PostgreSQL cannot change/,
    );
  });

  it("keeps tables' rows, serial sequence and index when hints move them to another schema", async () => {
    const source = await freshDatabase(
      `CREATE TABLE invoices (id serial PRIMARY KEY, total int); CREATE INDEX invoices_total ON invoices (total);
       CREATE TABLE payments (id int PRIMARY KEY, invoice_id int REFERENCES invoices);
       INSERT INTO invoices (total) VALUES (10), (20); INSERT INTO payments VALUES (7, 2);`,
    );
    const target = await freshDatabase(
      `CREATE SCHEMA billing; CREATE TABLE billing.invoices (id serial PRIMARY KEY, amount int);
       CREATE INDEX invoices_total ON billing.invoices (amount);
       CREATE TABLE billing.payments (id int PRIMARY KEY, invoice_id int REFERENCES billing.invoices);`,
    );
    const out = tempDir();
    const { plan } = await generateMigration({
      source: source.url,
      target: target.url,
      out,
      // Two tables move into the one new schema, and a column of a moved table is renamed too.
      renames: [
        "public.invoices=billing.invoices",
        "public.payments=billing.payments",
        "invoices.total=amount",
      ],
    });
    expect(plan.forwardSteps.some((step) => step.destructive)).toBe(false);
    await withClient(source.url, async (client) => {
      await runScript(client, readFileSync(join(out, "forward.sql"), "utf8"));
      await client.query("INSERT INTO billing.invoices (amount) VALUES (30)");
      expect((await client.query("SELECT id, amount FROM billing.invoices ORDER BY id")).rows).toEqual([
        { id: 1, amount: 10 },
        { id: 2, amount: 20 },
        { id: 3, amount: 30 },
      ]);
      expect((await client.query("SELECT id, invoice_id FROM billing.payments")).rows).toEqual([
        { id: 7, invoice_id: 2 },
      ]);
      await client.query("DELETE FROM billing.invoices WHERE id = 3");
      await runScript(client, readFileSync(join(out, "verify.sql"), "utf8"));
      await runScript(client, readFileSync(join(out, "rollback.sql"), "utf8"));
      expect((await client.query("SELECT id, total FROM public.invoices ORDER BY id")).rows).toEqual([
        { id: 1, total: 10 },
        { id: 2, total: 20 },
      ]);
      expect((await client.query("SELECT id, invoice_id FROM public.payments")).rows).toEqual([
        { id: 7, invoice_id: 2 },
      ]);
      // The schema the moves created goes with their undoing.
      const billing = "SELECT count(*)::int AS n FROM pg_namespace WHERE nspname = 'billing'";
      expect((await client.query(billing)).rows).toEqual([{ n: 0 }]);
    });
    await expect(
      generateMigration({
        source: source.url,
        target: target.url,
        out: tempDir(),
        renames: ["invoices.total=billing.amount"],
      }),
    ).rejects.toThrow(/^rename hint "invoices\.total=billing\.amount": only a table moves to another schema/);
  });

  it("keeps data through declared renames and undoes them", async () => {
    const source = await freshDatabase(
      "CREATE TABLE orders (id int PRIMARY KEY, note text); INSERT INTO orders VALUES (1, 'keep me');",
    );
    const target = await freshDatabase("CREATE TABLE purchases (id int PRIMARY KEY, comment text)");
    const out = tempDir();
    await generateMigration({
      source: source.url,
      target: target.url,
      out,
      renames: ["orders.note=comment", "public.orders=purchases"],
    });
    await withClient(source.url, async (client) => {
      await runScript(client, readFileSync(join(out, "forward.sql"), "utf8"));
      expect((await client.query("SELECT id, comment FROM purchases")).rows).toEqual([
        { id: 1, comment: "keep me" },
      ]);
      await runScript(client, readFileSync(join(out, "verify.sql"), "utf8"));
      await runScript(client, readFileSync(join(out, "rollback.sql"), "utf8"));
      expect((await client.query("SELECT id, note FROM orders")).rows).toEqual([{ id: 1, note: "keep me" }]);
    });
  });

  it("renames an enum label in place with a hint, keeping rows, defaults and checks that name it", async () => {
    const source = await freshDatabase(
      `CREATE TYPE state AS ENUM ('new', 'shiped', 'delivered');` +
        `CREATE TABLE orders (id int PRIMARY KEY, state state NOT NULL DEFAULT 'shiped',
           CONSTRAINT shipped_only CHECK (state <> 'new' OR id > 0));
         INSERT INTO orders VALUES (1, 'new'), (2, 'shiped'), (3, 'delivered');`,
    );
    const target = await freshDatabase(
      `CREATE TYPE state AS ENUM ('new', 'shipped', 'delivered');
       CREATE TABLE orders (id int PRIMARY KEY, state state NOT NULL DEFAULT 'shipped',
         CONSTRAINT shipped_only CHECK (state <> 'new' OR id > 0));`,
    );
    await expect(
      generateMigration({ source: source.url, target: target.url, out: tempDir() }),
    ).rejects.toThrow(/destroy|destructive/i);
    const out = tempDir();
    const { plan } = await generateMigration({
      source: source.url,
      target: target.url,
      out,
      renames: ["state.shiped=shipped"],
    });
    expect(plan.forwardSteps.map((step) => step.summary)).toEqual(["rename state.shiped=shipped"]);
    expect(readFileSync(join(out, "forward.sql"), "utf8")).toContain(
      `ALTER TYPE public.state RENAME VALUE 'shiped' TO 'shipped'`,
    );
    const rows = "SELECT id, state::text AS state FROM orders ORDER BY id";
    await withClient(source.url, async (client) => {
      await runScript(client, readFileSync(join(out, "forward.sql"), "utf8"));
      expect((await client.query(rows)).rows).toEqual([
        { id: 1, state: "new" },
        { id: 2, state: "shipped" },
        { id: 3, state: "delivered" },
      ]);
      await runScript(client, readFileSync(join(out, "verify.sql"), "utf8"));
      await runScript(client, readFileSync(join(out, "rollback.sql"), "utf8"));
      expect((await client.query(rows)).rows).toEqual([
        { id: 1, state: "new" },
        { id: 2, state: "shiped" },
        { id: 3, state: "delivered" },
      ]);
    });
    await expect(
      generateMigration({
        source: source.url,
        target: target.url,
        out: tempDir(),
        renames: ["state.shiped=sent"],
      }),
    ).rejects.toThrow(
      /^rename hint "state\.shiped=sent": the target's enum public\.state has no label 'sent'/,
    );
  });

  it("carries the rows of a table made partitioned into the new table and back, without --allow-destructive", async () => {
    const plain = `CREATE TABLE events (id bigint GENERATED ALWAYS AS IDENTITY, at date NOT NULL, kind text,
      amount int NOT NULL, PRIMARY KEY (id, at));`;
    const source = await freshDatabase(
      `${plain} INSERT INTO events (at, kind, amount) VALUES ('2025-01-05', 'a', 1), ('2025-06-01', NULL, -2),
        ('2026-02-01', 'c', 3);`,
    );
    // The amount widens in the same release: its values come over cast to the new type.
    const partitioned = `CREATE TABLE events (id bigint GENERATED ALWAYS AS IDENTITY, at date NOT NULL, kind text,
        amount bigint NOT NULL, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
      CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
      CREATE TABLE events_rest PARTITION OF events DEFAULT;`;
    const target = await freshDatabase(partitioned);
    const out = tempDir();
    const { plan } = await generateMigration({ source: source.url, target: target.url, out });
    expect(plan.forwardSteps.some((step) => step.destructive)).toBe(false);
    expect(plan.forwardSteps.map((step) => step.summary)).toContain(
      "copy the rows of the dropped public.events into the new one",
    );
    const rows =
      "SELECT tableoid::regclass::text AS part, id::int, at::text, kind, amount::int FROM events ORDER BY id";
    const before = [
      { id: 1, at: "2025-01-05", kind: "a", amount: 1 },
      { id: 2, at: "2025-06-01", kind: null, amount: -2 },
      { id: 3, at: "2026-02-01", kind: "c", amount: 3 },
    ];
    const added = { id: 4, at: "2025-02-02", kind: "new", amount: 4 };
    await withClient(source.url, async (client) => {
      await runScript(client, readFileSync(join(out, "forward.sql"), "utf8"));
      expect((await client.query(rows)).rows).toEqual(
        before.map((row, i) => ({ part: i < 2 ? "events_2025" : "events_rest", ...row })),
      );
      await runScript(client, readFileSync(join(out, "verify.sql"), "utf8"));
      // The identity goes on from the copied rows, and a row written after the forward survives the rollback.
      const insert =
        "INSERT INTO events (at, kind, amount) VALUES ('2025-02-02', 'new', 4) RETURNING id::int";
      expect((await client.query(insert)).rows).toEqual([{ id: 4 }]);
      await runScript(client, readFileSync(join(out, "rollback.sql"), "utf8"));
      expect((await client.query(rows)).rows).toEqual(
        [...before, added].map((row) => ({ part: "events", ...row })),
      );
      expect((await client.query(insert.replace("'new', 4", "'next', 5"))).rows).toEqual([{ id: 5 }]);
    });
    // A column the new table lacks still loses its values, so that plan asks for --allow-destructive.
    const narrower = await freshDatabase(partitioned.replace(" kind text,", ""));
    await expect(
      generateMigration({ source: source.url, target: narrower.url, out: tempDir() }),
    ).rejects.toThrow(/^the plan would destroy data in \d+ change\(s\): .*drop table public\.events/);
  });

  it("carries the rows of all its partitions into a table made plain, not those of a partition dropped alone", async () => {
    const source = await freshDatabase(
      `CREATE TABLE metrics (name varchar(20) NOT NULL, at date NOT NULL, value real) PARTITION BY LIST (name);
       CREATE TABLE metrics_cpu PARTITION OF metrics FOR VALUES IN ('cpu');
       CREATE TABLE metrics_other PARTITION OF metrics DEFAULT;
       INSERT INTO metrics VALUES ('cpu', '2025-01-01', 0.5), ('disk', '2025-01-01', 7), ('net', '2025-01-02', NULL);`,
    );
    const target = await freshDatabase(
      "CREATE TABLE metrics (name text NOT NULL, at date NOT NULL, value real);",
    );
    const out = tempDir();
    const { plan } = await generateMigration({ source: source.url, target: target.url, out });
    expect(plan.forwardSteps.some((step) => step.destructive)).toBe(false);
    const rows = "SELECT tableoid::regclass::text AS part, name, at::text, value FROM metrics ORDER BY name";
    await withClient(source.url, async (client) => {
      const original = (await client.query(rows)).rows;
      await runScript(client, readFileSync(join(out, "forward.sql"), "utf8"));
      expect((await client.query(rows)).rows).toEqual(original.map((row) => ({ ...row, part: "metrics" })));
      await runScript(client, readFileSync(join(out, "verify.sql"), "utf8"));
      await runScript(client, readFileSync(join(out, "rollback.sql"), "utf8"));
      expect((await client.query(rows)).rows).toEqual(original);
    });
    // Re-keyed while a partition is dropped and the others stay: that partition's rows are deleted on
    // purpose (how old rows go), so the plan is destructive and its rows are not moved elsewhere.
    const rekeyed = await freshDatabase(
      `CREATE TABLE metrics (name text NOT NULL, at date NOT NULL, value real) PARTITION BY LIST (name);
       CREATE TABLE metrics_other PARTITION OF metrics DEFAULT;`,
    );
    await expect(
      generateMigration({ source: source.url, target: rekeyed.url, out: tempDir() }),
    ).rejects.toThrow(/^the plan would destroy data in \d+ change\(s\): .*drop table public\.metrics_cpu/);
  });

  it("adds a foreign key referencing a partitioned table validated, so its clones on the partitions are too", async () => {
    const parent = `CREATE TABLE accounts (id int PRIMARY KEY) PARTITION BY HASH (id);
      CREATE TABLE accounts_0 PARTITION OF accounts FOR VALUES WITH (MODULUS 2, REMAINDER 0);
      CREATE TABLE accounts_1 PARTITION OF accounts FOR VALUES WITH (MODULUS 2, REMAINDER 1);`;
    const source = await freshDatabase(
      `${parent} CREATE TABLE transfers (id int PRIMARY KEY, account_id int);
       INSERT INTO accounts VALUES (1), (2); INSERT INTO transfers VALUES (10, 1), (11, 2);`,
    );
    const target = await freshDatabase(
      `${parent} CREATE TABLE transfers (id int PRIMARY KEY, account_id int REFERENCES accounts);`,
    );
    const out = tempDir();
    const { plan } = await generateMigration({ source: source.url, target: target.url, out });
    // PostgreSQL before 18 validates only the key itself, not its clones, and verify would see them differ.
    expect(plan.forwardSteps.map((step) => step.summary)).toEqual([
      "create constraint transfers_account_id_fkey on public.transfers",
    ]);
    await withClient(source.url, async (client) => {
      await runScript(client, readFileSync(join(out, "forward.sql"), "utf8"));
      await runScript(client, readFileSync(join(out, "verify.sql"), "utf8"));
    });
  });

  it("builds a partitioned index's partition indexes concurrently, between the parent's index and their attachment", async () => {
    const tables = `CREATE TABLE readings (id bigint NOT NULL, at date NOT NULL, sensor text) PARTITION BY RANGE (at);
      CREATE TABLE readings_2024 PARTITION OF readings FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
      CREATE TABLE readings_2025 PARTITION OF readings FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');`;
    const source = await freshDatabase(
      `${tables} INSERT INTO readings VALUES (1, '2024-05-01', 'a'), (2, '2025-05-01', 'b');`,
    );
    const target = await freshDatabase(
      `${tables} CREATE INDEX readings_sensor ON ONLY readings (sensor);
       CREATE INDEX r2024_sensor ON readings_2024 (sensor); CREATE INDEX r2025_sensor ON readings_2025 (sensor);
       ALTER INDEX readings_sensor ATTACH PARTITION r2024_sensor; ALTER INDEX readings_sensor ATTACH PARTITION r2025_sensor;`,
    );
    const out = tempDir();
    const { plan } = await generateMigration({ source: source.url, target: target.url, out });
    expect(
      plan.forwardSteps.map((step) => [
        step.summary,
        step.lockLevel,
        step.hazards,
        step.statements.map((s) => s.sql),
      ]),
    ).toEqual([
      [
        "create index public.readings_sensor (on the partitioned table only)",
        "SHARE",
        [],
        ["CREATE INDEX readings_sensor ON ONLY public.readings USING btree (sensor)"],
      ],
      [
        "build public.r2024_sensor for create index public.readings_sensor",
        "SHARE UPDATE EXCLUSIVE",
        [],
        ["CREATE INDEX CONCURRENTLY IF NOT EXISTS r2024_sensor ON public.readings_2024 USING btree (sensor)"],
      ],
      [
        "build public.r2025_sensor for create index public.readings_sensor",
        "SHARE UPDATE EXCLUSIVE",
        [],
        ["CREATE INDEX CONCURRENTLY IF NOT EXISTS r2025_sensor ON public.readings_2025 USING btree (sensor)"],
      ],
      [
        "create index public.readings_sensor: attach the partitions' indexes",
        "ACCESS EXCLUSIVE",
        [],
        [
          "ALTER INDEX public.readings_sensor ATTACH PARTITION public.r2024_sensor",
          "ALTER INDEX public.readings_sensor ATTACH PARTITION public.r2025_sensor",
        ],
      ],
    ]);
    await withClient(source.url, async (client) => {
      await runScript(client, readFileSync(join(out, "forward.sql"), "utf8"));
      await runScript(client, readFileSync(join(out, "verify.sql"), "utf8"));
      const { rows } = await client.query<{ valid: boolean }>(
        "SELECT indisvalid AS valid FROM pg_index WHERE indexrelid = 'public.readings_sensor'::regclass",
      );
      expect(rows).toEqual([{ valid: true }]);
    });
  });

  it("adds a partitioned table's primary key online: each partition's key index built concurrently, then adopted", async () => {
    const tables = `CREATE TABLE visits (id bigint NOT NULL, region text NOT NULL) PARTITION BY LIST (region);
      CREATE TABLE visits_eu PARTITION OF visits FOR VALUES IN ('eu');
      CREATE TABLE visits_us PARTITION OF visits FOR VALUES IN ('us');`;
    const source = await freshDatabase(`${tables} INSERT INTO visits VALUES (1, 'eu'), (2, 'us');`);
    const target = await freshDatabase(`${tables} ALTER TABLE visits ADD PRIMARY KEY (region, id);`);
    const out = tempDir();
    const { plan } = await generateMigration({ source: source.url, target: target.url, out });
    expect(plan.forwardSteps.map((step) => step.statements.map((s) => s.sql))).toEqual([
      ["ALTER TABLE ONLY public.visits ADD CONSTRAINT visits_pkey PRIMARY KEY (region, id)"],
      [
        "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS visits_eu_pkey ON public.visits_eu USING btree (region, id)",
      ],
      [
        "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS visits_us_pkey ON public.visits_us USING btree (region, id)",
      ],
      [
        "ALTER TABLE public.visits_eu ADD CONSTRAINT visits_eu_pkey PRIMARY KEY USING INDEX visits_eu_pkey",
        "ALTER INDEX public.visits_pkey ATTACH PARTITION public.visits_eu_pkey",
        "ALTER TABLE public.visits_us ADD CONSTRAINT visits_us_pkey PRIMARY KEY USING INDEX visits_us_pkey",
        "ALTER INDEX public.visits_pkey ATTACH PARTITION public.visits_us_pkey",
      ],
    ]);
    expect(plan.forwardSteps.map((step) => step.hazards)).toEqual([[], [], [], []]);
    await withClient(source.url, async (client) => {
      await runScript(client, readFileSync(join(out, "forward.sql"), "utf8"));
      await runScript(client, readFileSync(join(out, "verify.sql"), "utf8"));
      await runScript(client, readFileSync(join(out, "rollback.sql"), "utf8"));
    });
  });

  it("moves a serial's new identity sequence, and the serial's when undone, past the ids rows hold", async () => {
    const source = await freshDatabase(
      `CREATE TABLE tickets (id serial PRIMARY KEY, subject text);
       INSERT INTO tickets (subject) VALUES ('a'), ('b'); INSERT INTO tickets VALUES (500, 'imported');
       SELECT setval('tickets_id_seq', 700);`,
    );
    const target = await freshDatabase(
      "CREATE TABLE tickets (id int GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, subject text);",
    );
    const out = tempDir();
    // The serial's sequence hands its place to the identity: dropping it loses nothing.
    await generateMigration({ source: source.url, target: target.url, out });
    const next = "INSERT INTO tickets (subject) VALUES ('next') RETURNING id";
    await withClient(source.url, async (client) => {
      await runScript(client, readFileSync(join(out, "forward.sql"), "utf8"));
      // The serial had counted to 700: the identity goes on from there.
      expect((await client.query(next)).rows).toEqual([{ id: 701 }]);
      await runScript(client, readFileSync(join(out, "rollback.sql"), "utf8"));
      // The serial's new sequence starts past the largest id.
      expect((await client.query(next)).rows).toEqual([{ id: 702 }]);
    });
  });

  it("renames the key, unique key and serial named after a hinted table and column along with them", async () => {
    const source = await freshDatabase(
      `CREATE TABLE customer (id serial PRIMARY KEY, mail text UNIQUE);
       CREATE TABLE orders (id int PRIMARY KEY, customer_id int REFERENCES customer);
       INSERT INTO customer (mail) VALUES ('a'), ('b'); INSERT INTO orders VALUES (1, 2);`,
    );
    const target = await freshDatabase(
      `CREATE TABLE customers (id serial PRIMARY KEY, email text UNIQUE);
       CREATE TABLE orders (id int PRIMARY KEY, customer_id int REFERENCES customers);`,
    );
    const out = tempDir();
    const { plan } = await generateMigration({
      source: source.url,
      target: target.url,
      out,
      renames: ["public.customer=customers", "customer.mail=email"],
    });
    // Nothing is rebuilt: not the keys, not the foreign key on them, not the sequence.
    expect(plan.forwardSteps.map((step) => step.summary)).toEqual([
      "rename customer.mail=email",
      "rename public.customer=customers",
      "rename public.customer_mail_key=customers_email_key (follows public.customer=customers, customer.mail=email)",
      "rename public.customer_pkey=customers_pkey (follows public.customer=customers)",
      "rename public.customer_id_seq=customers_id_seq (follows public.customer=customers)",
    ]);
    await withClient(source.url, async (client) => {
      await runScript(client, readFileSync(join(out, "forward.sql"), "utf8"));
      await runScript(client, readFileSync(join(out, "verify.sql"), "utf8"));
      expect((await client.query("INSERT INTO customers (email) VALUES ('c') RETURNING id")).rows).toEqual([
        { id: 3 },
      ]);
      await runScript(client, readFileSync(join(out, "rollback.sql"), "utf8"));
      expect((await client.query("SELECT id, mail FROM customer ORDER BY id")).rows).toEqual([
        { id: 1, mail: "a" },
        { id: 2, mail: "b" },
        { id: 3, mail: "c" },
      ]);
      expect((await client.query("INSERT INTO customer (mail) VALUES ('d') RETURNING id")).rows).toEqual([
        { id: 4 },
      ]);
    });
  });

  it("drops enum labels no row holds without --allow-destructive, and refuses while a row holds one", async () => {
    const source = await freshDatabase(
      `CREATE TYPE mood AS ENUM ('happy', 'meh', 'sad', 'angry');
       CREATE TABLE people (id int PRIMARY KEY, mood mood, past mood[]);
       INSERT INTO people VALUES (1, 'happy', '{meh}'), (2, NULL, NULL);`,
    );
    const fewer = await freshDatabase(
      `CREATE TYPE mood AS ENUM ('happy', 'meh'); CREATE TABLE people (id int PRIMARY KEY, mood mood, past mood[]);`,
    );
    const out = tempDir();
    const { plan } = await generateMigration({ source: source.url, target: fewer.url, out });
    expect(plan.forwardSteps.some((step) => step.destructive)).toBe(false);
    await withClient(source.url, async (client) => {
      await runScript(client, readFileSync(join(out, "forward.sql"), "utf8"));
      expect((await client.query("SELECT mood::text, past::text FROM people ORDER BY id")).rows).toEqual([
        { mood: "happy", past: "{meh}" },
        { mood: null, past: null },
      ]);
      await runScript(client, readFileSync(join(out, "rollback.sql"), "utf8"));
      // Now an array holds a label the target drops.
      await client.query("UPDATE people SET past = '{sad}' WHERE id = 2");
    });
    await expect(
      generateMigration({ source: source.url, target: fewer.url, out: tempDir() }),
    ).rejects.toThrow(/^the plan would destroy data in 1 change\(s\): alter enum public\.mood/);
  });

  it("refuses, naming the column, to retype a table's column while another column stores its row type", async () => {
    const [source, target] = await Promise.all([
      freshDatabase(
        "CREATE TABLE amount (cents int, currency text); CREATE TABLE invoices (id int, total amount);",
      ),
      freshDatabase(
        "CREATE TABLE amount (cents bigint, currency text); CREATE TABLE invoices (id int, total amount);",
      ),
    ]);
    await expect(
      generateMigration({ source: source.url, target: target.url, out: tempDir() }),
    ).rejects.toThrow(
      /^cannot change the type of column public\.amount\.cents: column public\.invoices\.total stores the row type of public\.amount, .*; migrate it by hand/,
    );
  });

  it("rolls a type change back to the original values of the rows that have not changed since", async () => {
    const source = await freshDatabase(
      `CREATE TABLE parts (id int PRIMARY KEY, code text, spec json, n int);
       INSERT INTO parts VALUES (1, '007', '{"a": 1, "a": 2}', 1), (2, ' 15 ', '[1,  2]', 2), (3, NULL, NULL, 3);`,
    );
    const target = await freshDatabase(
      "CREATE TABLE parts (id int PRIMARY KEY, code int, spec jsonb, n bigint);",
    );
    const out = tempDir();
    const { plan } = await generateMigration({ source: source.url, target: target.url, out });
    // int → bigint casts back exactly, so only code and spec keep their old values.
    expect(plan.forwardSteps.map((step) => step.summary).filter((s) => s.startsWith("keep"))).toEqual([
      "keep the original values of public.parts.code for the rollback",
      "keep the original values of public.parts.spec for the rollback",
    ]);
    const rows = "SELECT id, code, spec::text AS spec FROM parts ORDER BY id";
    await withClient(source.url, async (client) => {
      const original = (await client.query(rows)).rows;
      await runScript(client, readFileSync(join(out, "forward.sql"), "utf8"));
      await client.query("UPDATE parts SET code = 8 WHERE id = 2");
      await runScript(client, readFileSync(join(out, "rollback.sql"), "utf8"));
      // A plain cast back would give '7' and {"a": 2}; the row changed since keeps its change.
      expect((await client.query(rows)).rows).toEqual([
        original[0],
        { ...original[1], code: "8" },
        original[2],
      ]);
    });
  });

  it("refuses a rename hint that names nothing", async () => {
    const [source, target] = await Promise.all([freshDatabase(OLD), freshDatabase(NEW)]);
    await expect(
      generateMigration({
        source: source.url,
        target: target.url,
        out: tempDir(),
        renames: ["orders.nope=x"],
      }),
    ).rejects.toThrow(/rename hint "orders\.nope=x" names no table, column or enum label in the source/);
  });
});

describe("analyze and generate from the CLI", () => {
  it("summarises changes by object, and --json gives the typed changes", async () => {
    const [source, target] = await Promise.all([freshDatabase(OLD), freshDatabase(NEW)]);
    const human = await runCli(["analyze", "--source", source.url, "--target", target.url]);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/^source .* sha256:[0-9a-f]{64}/m);
    expect(human.stdout).toMatch(/^column: .*1 drop/m);
    expect(human.stdout).toMatch(/! drop column public\.customers\.legacy/);
    const json = await runCli(["--json", "analyze", "--source", source.url, "--target", target.url]);
    const analysis = JSON.parse(json.stdout) as { changes: { objectId: string; action: string }[] };
    expect(analysis.changes).toContainEqual(
      expect.objectContaining({ objectId: "type:public.order_status", action: "create" }),
    );
  });

  it("loads .sql files into shadow databases and reports SQL errors with file and line", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "old.sql"), "CREATE TABLE t (id int);\n");
    writeFileSync(
      join(dir, "new.sql"),
      "CREATE TABLE t (id int);\n\nCREATE TABLE u (id int REFERENCES nowhere);\n",
    );
    const result = await runCli(
      ["generate", "--source", "old.sql", "--target", "new.sql", "--out", "p"],
      { MIGRATE_DATABASE_URL: serverUrl() },
      dir,
    );
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/new\.sql:3: .*relation "nowhere" does not exist/);
  });

  it("rejects a spec that is none of the known kinds", async () => {
    const result = await runCli(
      ["analyze", "--source", "nothing-here", "--target", "nor-here"],
      { MIGRATE_DATABASE_URL: serverUrl() },
      tempDir(),
    );
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/^error: "(nothing-here|nor-here)" is not a file/);
  });
});
