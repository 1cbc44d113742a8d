CREATE TABLE accounts (id integer PRIMARY KEY, balance numeric NOT NULL);

CREATE TABLE balance_log (changed bigint NOT NULL);

CREATE VIEW account_view AS SELECT id, balance FROM accounts;

CREATE FUNCTION count_changes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO balance_log SELECT count(*) FROM new_rows;
  RETURN NULL;
END
$$;

CREATE FUNCTION insert_account() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO accounts VALUES (NEW.id, NEW.balance);
  RETURN NEW;
END
$$;

CREATE TRIGGER accounts_count AFTER UPDATE ON accounts REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION count_changes();

CREATE TRIGGER account_view_insert INSTEAD OF INSERT ON account_view FOR EACH ROW EXECUTE FUNCTION insert_account();
