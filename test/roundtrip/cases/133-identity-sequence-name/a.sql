-- covers: columns, identity, sequences; an identity sequence with its own name is renamed, and a new identity column names its sequence
CREATE TABLE orders (id integer GENERATED ALWAYS AS IDENTITY (SEQUENCE NAME order_numbers) PRIMARY KEY);

CREATE TABLE parcels (id integer NOT NULL PRIMARY KEY);
