-- covers: constraints (primary key), indexes; a primary key gets a custom name, INCLUDE columns and a fillfactor
CREATE TABLE sessions (id uuid PRIMARY KEY, user_id integer NOT NULL, expires_at timestamptz);
