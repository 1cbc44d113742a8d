-- covers: triggers (transition tables, INSTEAD OF on a view); a statement trigger with REFERENCING and an INSTEAD OF trigger are created
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
