CREATE SEQUENCE entry_numbers;
CREATE TABLE tickets (id integer PRIMARY KEY, priority smallint NOT NULL, title text NOT NULL);
CREATE VIEW ticket_entry AS SELECT id, priority, title FROM tickets;
ALTER VIEW ticket_entry ALTER COLUMN priority SET DEFAULT 3;
ALTER VIEW ticket_entry ALTER COLUMN id SET DEFAULT nextval('entry_numbers');
CREATE VIEW open_tickets AS SELECT id, title FROM tickets;
ALTER VIEW open_tickets ALTER COLUMN title SET DEFAULT 'new';
