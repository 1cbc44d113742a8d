-- covers: comments (SEQUENCE, CONSTRAINT, domain CONSTRAINT); comments on a sequence, table constraints and a domain constraint
CREATE SEQUENCE ticket_seq;

CREATE DOMAIN code AS text CONSTRAINT code_upper CHECK (VALUE = upper(VALUE));

CREATE TABLE tickets (
  id integer CONSTRAINT tickets_pk PRIMARY KEY,
  code code,
  price numeric CONSTRAINT tickets_price_check CHECK (price >= 0)
);
