CREATE TABLE discounts (id integer PRIMARY KEY);
