-- covers: enums; a value is appended at the end of an enum used by a column
CREATE TYPE color AS ENUM ('red', 'green');

CREATE TABLE paints (id integer PRIMARY KEY, color color NOT NULL);
