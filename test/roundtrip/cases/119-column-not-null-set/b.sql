CREATE TABLE invoices (id integer PRIMARY KEY, number text NOT NULL, issued_on date NOT NULL, note text);
