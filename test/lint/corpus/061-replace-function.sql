-- expect: MM007
CREATE OR REPLACE FUNCTION order_total(order_id bigint) RETURNS numeric
LANGUAGE sql STABLE
AS $$ SELECT sum(quantity * unit_price) FROM order_lines WHERE order_lines.order_id = $1 $$;
