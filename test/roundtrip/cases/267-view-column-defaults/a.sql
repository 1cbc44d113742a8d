-- covers: views, columns; view column defaults (for INSERTs through the view) are added, changed and dropped, and kept when the view is rebuilt over a retyped column (numbered after the comments)
CREATE SEQUENCE entry_numbers;
CREATE TABLE tickets (id integer PRIMARY KEY, priority integer NOT NULL, title text NOT NULL);
CREATE VIEW ticket_entry AS SELECT id, priority, title FROM tickets;
ALTER VIEW ticket_entry ALTER COLUMN priority SET DEFAULT 3;
ALTER VIEW ticket_entry ALTER COLUMN title SET DEFAULT 'untitled';
CREATE VIEW open_tickets AS SELECT id, title FROM tickets;
