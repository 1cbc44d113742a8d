-- covers: columns, identity, sequences; identity sequence options change (START, INCREMENT, CACHE, MAXVALUE, CYCLE)
CREATE TABLE tickets (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY, title text);
