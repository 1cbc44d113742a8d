CREATE SEQUENCE ticket_seq;
COMMENT ON SEQUENCE ticket_seq IS 'ticket numbers, never reused';

CREATE DOMAIN code AS text CONSTRAINT code_upper CHECK (VALUE = upper(VALUE));
COMMENT ON CONSTRAINT code_upper ON DOMAIN code IS 'codes are upper case';

CREATE TABLE tickets (
  id integer CONSTRAINT tickets_pk PRIMARY KEY,
  code code,
  price numeric CONSTRAINT tickets_price_check CHECK (price >= 0)
);
COMMENT ON CONSTRAINT tickets_pk ON tickets IS 'surrogate key';
COMMENT ON CONSTRAINT tickets_price_check ON tickets IS 'free tickets allowed';
