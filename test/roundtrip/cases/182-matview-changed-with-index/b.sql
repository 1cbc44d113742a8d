CREATE TABLE sales (id integer PRIMARY KEY, region text NOT NULL, sold_on date NOT NULL, amount numeric NOT NULL);

CREATE MATERIALIZED VIEW daily_sales AS
SELECT sold_on, region, sum(amount) AS total, count(*) AS n FROM sales GROUP BY sold_on, region;

CREATE UNIQUE INDEX daily_sales_key ON daily_sales (sold_on, region);
