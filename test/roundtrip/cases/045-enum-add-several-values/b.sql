CREATE TYPE weekday AS ENUM ('mon', 'tue', 'wed', 'thu', 'fri');

CREATE TABLE meetings (id integer PRIMARY KEY, day weekday NOT NULL DEFAULT 'tue');
