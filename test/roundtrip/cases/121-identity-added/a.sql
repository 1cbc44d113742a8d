-- covers: columns, identity; an integer column becomes GENERATED ALWAYS AS IDENTITY, another BY DEFAULT
CREATE TABLE orders (id bigint NOT NULL PRIMARY KEY, ref integer NOT NULL);
