-- covers: composite types; an attribute is added to a composite type used by a column
CREATE TYPE money_amount AS (amount numeric(12, 2), currency char(3));

CREATE TABLE payments (id integer PRIMARY KEY, price money_amount);
