CREATE TABLE widgets (id serial, made_on date NOT NULL, name text) PARTITION BY RANGE (made_on);
CREATE TABLE gadgets (id integer DEFAULT nextval('widgets_id_seq'), label text);
