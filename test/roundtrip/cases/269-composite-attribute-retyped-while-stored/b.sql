CREATE TYPE money_amount AS (value bigint, currency text);
CREATE TYPE label AS (name text COLLATE "C", lang text);

CREATE TABLE invoices (id integer PRIMARY KEY, total money_amount, history money_amount[], tag label DEFAULT ROW('none', 'en')::label);

CREATE FUNCTION amount_value(m money_amount) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$ SELECT (m).value $$;
