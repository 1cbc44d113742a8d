-- covers: procedures (SQL, plpgsql); a SQL procedure with a BEGIN ATOMIC body is created and a plpgsql one changes
CREATE TABLE jobs (id integer PRIMARY KEY, done boolean NOT NULL DEFAULT false, finished_at timestamptz);

CREATE PROCEDURE finish_job(p_id integer) LANGUAGE plpgsql AS $$
BEGIN
  UPDATE jobs SET done = true WHERE id = p_id;
END
$$;
