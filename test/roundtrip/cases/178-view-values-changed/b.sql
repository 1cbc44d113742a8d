CREATE VIEW weekdays (n, name) AS VALUES (1, 'mon'), (2, 'tue'), (3, 'wed') ORDER BY 2 LIMIT 2;

CREATE VIEW colors (color) AS VALUES ('red'), ('green'), ('blue');

CREATE VIEW sizes AS SELECT * FROM (VALUES (1, 's'), (2, 'm'), (3, 'l')) v (n, label);

CREATE MATERIALIZED VIEW levels ("Level", "label, text") AS VALUES (1, 'low'), (2, 'high') ORDER BY 1;
