-- covers: functions (RETURNS TABLE, SETOF, OUT parameters); set-returning functions are created
CREATE TABLE orders (id integer PRIMARY KEY, customer_id integer NOT NULL, total numeric NOT NULL);
