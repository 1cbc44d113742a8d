CREATE TABLE shapes (id integer NOT NULL, area numeric CHECK (area >= 0));

CREATE TABLE squares (side numeric) INHERITS (shapes);
