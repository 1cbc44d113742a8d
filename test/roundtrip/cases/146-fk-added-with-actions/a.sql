-- covers: constraints (foreign key); foreign keys with ON DELETE CASCADE / SET NULL and ON UPDATE CASCADE are added
CREATE TABLE departments (id integer PRIMARY KEY);

CREATE TABLE employees (id integer PRIMARY KEY, department_id integer, manager_id integer);
