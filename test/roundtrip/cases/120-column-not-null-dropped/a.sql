-- covers: columns; NOT NULL is dropped from a column and its default kept
CREATE TABLE invoices (id integer PRIMARY KEY, number text NOT NULL, currency char(3) NOT NULL DEFAULT 'EUR');
