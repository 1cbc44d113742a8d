CREATE TYPE money_amount AS (amount numeric(12, 2), currency char(3), rate numeric);

CREATE TABLE payments (id integer PRIMARY KEY, price money_amount);
