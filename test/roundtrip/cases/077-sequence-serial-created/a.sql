-- covers: sequences, columns, defaults; serial and bigserial columns (owned sequences) are added
CREATE TABLE events (name text NOT NULL);
