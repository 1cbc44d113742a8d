-- covers: constraints, indexes, reloptions; a primary key's and a unique constraint's index options (fillfactor), which pg_get_constraintdef leaves out, are set, changed and removed
CREATE TABLE orders (id integer PRIMARY KEY, code text CONSTRAINT orders_code_key UNIQUE WITH (fillfactor = 70));
CREATE TABLE items (id integer CONSTRAINT items_pkey PRIMARY KEY WITH (fillfactor = 80, deduplicate_items = off));
