CREATE TABLE tickets (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY, subject text NOT NULL);

CREATE TABLE replies (id bigserial PRIMARY KEY, body text NOT NULL);
