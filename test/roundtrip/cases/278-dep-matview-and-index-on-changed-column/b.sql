CREATE TABLE visits (id bigint PRIMARY KEY, page text NOT NULL, ms bigint NOT NULL);

CREATE MATERIALIZED VIEW page_speed AS SELECT page, avg(ms) AS avg_ms FROM visits GROUP BY page;

CREATE UNIQUE INDEX page_speed_page ON page_speed (page);
