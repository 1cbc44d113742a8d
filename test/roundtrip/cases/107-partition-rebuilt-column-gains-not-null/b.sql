CREATE TABLE reading (
  id integer,
  sensor integer,
  taken_on date,
  value numeric(8, 2),
  PRIMARY KEY (id, taken_on)
) PARTITION BY RANGE (taken_on);
CREATE VIEW monthly_reading AS
  SELECT date_trunc('month', taken_on) AS month, avg(value) AS average
  FROM reading
  GROUP BY date_trunc('month', taken_on);
