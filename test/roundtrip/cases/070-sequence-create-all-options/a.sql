-- covers: sequences; a sequence is created with every option set
CREATE TABLE t (id integer PRIMARY KEY);
