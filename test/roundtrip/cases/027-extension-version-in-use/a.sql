-- covers: extensions; citext is updated from 1.4 to 1.5 while a column uses it (no downgrade script exists and dropping it would lose the column, so the rollback keeps ALTER EXTENSION UPDATE, which PostgreSQL refuses)
CREATE EXTENSION citext VERSION '1.4';
CREATE TABLE users (id integer PRIMARY KEY, email citext NOT NULL);
