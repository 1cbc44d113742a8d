CREATE TABLE kept (id int);
