CREATE TABLE playlist_items (
  playlist_id integer NOT NULL,
  position integer NOT NULL,
  song text,
  UNIQUE (playlist_id, position) DEFERRABLE INITIALLY DEFERRED
);
