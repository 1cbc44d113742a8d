-- covers: columns; NOT NULL is set on two columns
CREATE TABLE invoices (id integer PRIMARY KEY, number text, issued_on date, note text);
