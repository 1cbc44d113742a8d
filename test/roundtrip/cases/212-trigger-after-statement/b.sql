CREATE TABLE stock (id integer PRIMARY KEY, qty integer NOT NULL);

CREATE TABLE stock_log (at timestamptz NOT NULL DEFAULT now(), op text NOT NULL, note text);

CREATE FUNCTION log_stock() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stock_log (op, note) VALUES (TG_OP, TG_ARGV[0]);
  RETURN NULL;
END
$$;

CREATE TRIGGER stock_changed AFTER INSERT OR UPDATE OR DELETE ON stock FOR EACH ROW EXECUTE FUNCTION log_stock('row');

CREATE TRIGGER stock_audit AFTER DELETE OR TRUNCATE ON stock FOR EACH STATEMENT EXECUTE FUNCTION log_stock('audit');
