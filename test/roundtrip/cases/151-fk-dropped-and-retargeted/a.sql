-- covers: constraints (foreign key); an FK is dropped and another one is pointed at a different table
CREATE TABLE users (id integer PRIMARY KEY);
CREATE TABLE teams (id integer PRIMARY KEY);

CREATE TABLE tasks (
  id integer PRIMARY KEY,
  owner_id integer CONSTRAINT tasks_owner_fk REFERENCES users (id),
  reviewer_id integer CONSTRAINT tasks_reviewer_fk REFERENCES users (id)
);
