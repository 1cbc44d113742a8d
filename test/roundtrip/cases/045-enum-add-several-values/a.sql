-- covers: enums; several values are added at the start, in the middle and at the end
CREATE TYPE weekday AS ENUM ('tue', 'thu');

CREATE TABLE meetings (id integer PRIMARY KEY, day weekday NOT NULL DEFAULT 'tue');
