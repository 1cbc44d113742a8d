CREATE TABLE sessions (
  id uuid,
  user_id integer NOT NULL,
  expires_at timestamptz,
  CONSTRAINT sessions_pk PRIMARY KEY (id) INCLUDE (user_id) WITH (fillfactor = 90)
);
