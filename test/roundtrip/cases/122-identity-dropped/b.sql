CREATE TABLE orders (id bigint NOT NULL PRIMARY KEY, note text);
