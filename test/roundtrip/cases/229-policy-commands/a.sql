-- covers: policies (FOR SELECT, INSERT, UPDATE, DELETE, ALL); one policy per command is created
CREATE TABLE posts (id integer PRIMARY KEY, author name NOT NULL, published boolean NOT NULL DEFAULT false);

ALTER TABLE posts ENABLE ROW LEVEL SECURITY;
