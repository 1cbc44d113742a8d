-- covers: domains, columns; an existing column changes type from text to a new domain
CREATE TABLE people (id integer PRIMARY KEY, phone text);
