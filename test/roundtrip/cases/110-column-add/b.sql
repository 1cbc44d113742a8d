CREATE TABLE users (
  id integer PRIMARY KEY,
  name text NOT NULL,
  bio text,
  active boolean NOT NULL DEFAULT true,
  settings jsonb NOT NULL DEFAULT '{}',
  tags text[] DEFAULT ARRAY[]::text[],
  balance numeric(12, 2) DEFAULT 0.00
);
