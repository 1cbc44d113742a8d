CREATE TABLE invoices (id integer PRIMARY KEY, number text, currency char(3) DEFAULT 'EUR');
