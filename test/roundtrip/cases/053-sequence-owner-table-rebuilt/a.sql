-- covers: sequences, partitioned tables; a table whose serial sequence another table's default also uses is rebuilt as a partitioned table, and the sequence stays
CREATE TABLE widgets (id serial, made_on date NOT NULL, name text);
CREATE TABLE gadgets (id integer DEFAULT nextval('widgets_id_seq'), label text);
