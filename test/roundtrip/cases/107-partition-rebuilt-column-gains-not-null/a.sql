-- covers: partitioned tables, views; a plain table is rebuilt as a partitioned one whose key adds a nullable column, with a view over it
CREATE TABLE reading (
  id integer PRIMARY KEY,
  sensor integer,
  taken_on date,
  value numeric(8, 2)
);
CREATE VIEW monthly_reading AS
  SELECT date_trunc('month', taken_on) AS month, avg(value) AS average
  FROM reading
  GROUP BY date_trunc('month', taken_on);
