CREATE TABLE events (name text NOT NULL, id serial NOT NULL, seq bigserial);
