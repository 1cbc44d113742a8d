-- covers: constraints (primary key, foreign key); a single-column primary key becomes a composite one
CREATE TABLE memberships (id integer PRIMARY KEY, group_id integer NOT NULL, user_id integer NOT NULL);
