CREATE TABLE posts (
  id integer PRIMARY KEY,
  views integer DEFAULT 0,
  created_at timestamptz DEFAULT clock_timestamp(),
  slug text DEFAULT 'post-' || md5('x')
);
