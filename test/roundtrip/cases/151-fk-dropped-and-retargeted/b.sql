CREATE TABLE users (id integer PRIMARY KEY);
CREATE TABLE teams (id integer PRIMARY KEY);

CREATE TABLE tasks (
  id integer PRIMARY KEY,
  owner_id integer CONSTRAINT tasks_owner_fk REFERENCES teams (id),
  reviewer_id integer
);
