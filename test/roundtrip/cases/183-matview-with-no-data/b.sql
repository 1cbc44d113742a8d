CREATE TABLE logins (id integer PRIMARY KEY, user_id integer NOT NULL, at timestamptz NOT NULL);

CREATE MATERIALIZED VIEW login_counts AS SELECT user_id, count(*) AS n FROM logins GROUP BY user_id WITH NO DATA;

CREATE MATERIALIZED VIEW last_logins AS SELECT user_id, max(at) AS at FROM logins GROUP BY user_id WITH NO DATA;
