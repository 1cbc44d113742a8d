-- covers: dependencies, materialized views, indexes, columns; a column used by a materialized view with an index changes type
CREATE TABLE visits (id bigint PRIMARY KEY, page varchar(100) NOT NULL, ms integer NOT NULL);

CREATE MATERIALIZED VIEW page_speed AS SELECT page, avg(ms) AS avg_ms FROM visits GROUP BY page;

CREATE UNIQUE INDEX page_speed_page ON page_speed (page);
