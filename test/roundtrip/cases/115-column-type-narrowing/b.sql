CREATE TABLE archive (id integer PRIMARY KEY, title varchar(50), archived_at date);
