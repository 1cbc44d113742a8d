-- covers: schemas, tables; a table moves from public to a new schema (drop and create without a rename hint)
CREATE TABLE settings (key text PRIMARY KEY, value text NOT NULL);
