CREATE TABLE jobs (id integer PRIMARY KEY, done boolean NOT NULL DEFAULT false, finished_at timestamptz);

CREATE PROCEDURE finish_job(p_id integer, p_at timestamptz DEFAULT now()) LANGUAGE plpgsql AS $$
BEGIN
  UPDATE jobs SET done = true, finished_at = p_at WHERE id = p_id;
  COMMIT;
END
$$;

CREATE PROCEDURE purge_done() LANGUAGE sql
BEGIN ATOMIC
  DELETE FROM jobs WHERE done;
END;
