CREATE TABLE orders (id integer PRIMARY KEY, customer_id integer NOT NULL, total numeric NOT NULL);

CREATE FUNCTION customer_orders(p_customer integer) RETURNS SETOF orders LANGUAGE sql STABLE
AS $$ SELECT * FROM orders WHERE customer_id = p_customer $$;

CREATE FUNCTION order_totals() RETURNS TABLE (customer_id integer, total numeric, n bigint) LANGUAGE sql STABLE
AS $$ SELECT customer_id, sum(total), count(*) FROM orders GROUP BY customer_id $$;

CREATE FUNCTION min_max(OUT lo numeric, OUT hi numeric) LANGUAGE sql STABLE AS $$ SELECT min(total), max(total) FROM orders $$;

CREATE FUNCTION series(n integer) RETURNS SETOF integer LANGUAGE plpgsql IMMUTABLE ROWS 10 AS $$
BEGIN
  RETURN QUERY SELECT generate_series(1, n);
END
$$;
