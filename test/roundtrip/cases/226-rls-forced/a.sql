-- covers: row level security; FORCE ROW LEVEL SECURITY is switched on for one table and off for another
CREATE TABLE secrets (id integer PRIMARY KEY, owner name NOT NULL);
ALTER TABLE secrets ENABLE ROW LEVEL SECURITY;

CREATE TABLE vaults (id integer PRIMARY KEY, owner name NOT NULL);
ALTER TABLE vaults ENABLE ROW LEVEL SECURITY;
ALTER TABLE vaults FORCE ROW LEVEL SECURITY;
