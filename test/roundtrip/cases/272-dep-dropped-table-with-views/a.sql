-- covers: dependencies, tables, views, materialized views, triggers; a table with views, a materialized view and a trigger on it is dropped
CREATE TABLE legacy_orders (id integer PRIMARY KEY, total numeric, created_at timestamptz);

CREATE VIEW legacy_recent AS SELECT id, total FROM legacy_orders WHERE created_at > '2020-01-01';

CREATE VIEW legacy_totals AS SELECT sum(total) AS total FROM legacy_recent;

CREATE MATERIALIZED VIEW legacy_counts AS SELECT count(*) AS n FROM legacy_orders;

CREATE FUNCTION legacy_guard() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;

CREATE TRIGGER legacy_orders_guard BEFORE INSERT ON legacy_orders FOR EACH ROW EXECUTE FUNCTION legacy_guard();

CREATE TABLE orders (id integer PRIMARY KEY);
