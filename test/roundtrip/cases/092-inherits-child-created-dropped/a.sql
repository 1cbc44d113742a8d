-- covers: tables, inheritance, constraints; one child is dropped, another created with an inherited CHECK
CREATE TABLE shapes (id integer NOT NULL, area numeric CHECK (area >= 0));

CREATE TABLE circles (radius numeric) INHERITS (shapes);
