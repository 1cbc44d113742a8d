-- covers: functions (SQL, plpgsql); two functions are dropped
CREATE FUNCTION add_one(i integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT i + 1 $$;

CREATE FUNCTION greet(who text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  RETURN 'hello ' || who;
END
$$;

CREATE TABLE t (id integer PRIMARY KEY);
