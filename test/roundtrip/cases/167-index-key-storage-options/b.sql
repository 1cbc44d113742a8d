CREATE TABLE orders (id integer CONSTRAINT orders_pkey PRIMARY KEY WITH (fillfactor = 90), code text CONSTRAINT orders_code_key UNIQUE WITH (fillfactor = 60));
CREATE TABLE items (id integer PRIMARY KEY);
CREATE TABLE lines (id integer CONSTRAINT lines_pkey PRIMARY KEY WITH (fillfactor = 50));
