CREATE TABLE departments (id integer PRIMARY KEY);

CREATE TABLE employees (
  id integer PRIMARY KEY,
  department_id integer REFERENCES departments (id) ON DELETE SET NULL ON UPDATE CASCADE,
  manager_id integer REFERENCES employees (id) ON DELETE CASCADE
);
