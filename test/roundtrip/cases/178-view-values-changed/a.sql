-- covers: views, materialized views; views over VALUES lists change and are rebuilt (renamed columns, ORDER BY and LIMIT, a VALUES subquery, quoted names)
CREATE VIEW weekdays (n, name) AS VALUES (1, 'mon'), (2, 'tue');

CREATE VIEW colors AS VALUES ('red'), ('green');

CREATE VIEW sizes AS SELECT * FROM (VALUES (1, 's'), (2, 'm')) v (n, label);

CREATE MATERIALIZED VIEW levels ("Level", label) AS VALUES (1, 'low'), (2, 'high');
