-- covers: enums; a value is added in the middle of an enum (ADD VALUE BEFORE/AFTER)
CREATE TYPE size AS ENUM ('small', 'large');

CREATE TABLE shirts (id integer PRIMARY KEY, size size NOT NULL);
