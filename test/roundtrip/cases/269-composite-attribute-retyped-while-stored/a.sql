-- covers: composite types, columns, functions, dependencies; attributes of composite types that columns store change type and collation: the type is rebuilt beside the old one and the stored values recast through text (numbered after the comments)
CREATE TYPE money_amount AS (value integer, currency text);
CREATE TYPE label AS (name text, lang text);

CREATE TABLE invoices (id integer PRIMARY KEY, total money_amount, history money_amount[], tag label DEFAULT ROW('none', 'en')::label);

CREATE FUNCTION amount_value(m money_amount) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT (m).value $$;
