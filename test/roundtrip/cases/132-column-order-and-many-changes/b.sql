CREATE TABLE profiles (
  id integer PRIMARY KEY,
  handle varchar(40),
  age integer NOT NULL DEFAULT 0,
  website text,
  avatar_url text,
  created_at timestamptz NOT NULL DEFAULT now()
);
