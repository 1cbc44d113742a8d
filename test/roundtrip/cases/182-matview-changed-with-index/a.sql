-- covers: materialized views, indexes; a materialized view's query changes and its index must be recreated
CREATE TABLE sales (id integer PRIMARY KEY, region text NOT NULL, sold_on date NOT NULL, amount numeric NOT NULL);

CREATE MATERIALIZED VIEW daily_sales AS SELECT sold_on, sum(amount) AS total FROM sales GROUP BY sold_on;

CREATE UNIQUE INDEX daily_sales_key ON daily_sales (sold_on);
