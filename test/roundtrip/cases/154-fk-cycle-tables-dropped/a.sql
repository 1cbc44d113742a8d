-- covers: tables, foreign keys; two tables whose foreign keys point at each other are dropped together
CREATE TABLE invoice (
  id integer PRIMARY KEY,
  last_payment integer
);
CREATE TABLE payment (
  id integer PRIMARY KEY,
  invoice_id integer NOT NULL
);
ALTER TABLE payment ADD CONSTRAINT payment_invoice_fk FOREIGN KEY (invoice_id) REFERENCES invoice (id);
ALTER TABLE invoice ADD CONSTRAINT invoice_last_payment_fk FOREIGN KEY (last_payment) REFERENCES payment (id);
CREATE TABLE customer (
  id integer PRIMARY KEY,
  name text NOT NULL
);
