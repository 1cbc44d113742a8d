-- covers: materialized views; a populated materialized view becomes WITH NO DATA and a new unpopulated one is created
CREATE TABLE logins (id integer PRIMARY KEY, user_id integer NOT NULL, at timestamptz NOT NULL);

CREATE MATERIALIZED VIEW login_counts AS SELECT user_id, count(*) AS n FROM logins GROUP BY user_id;
