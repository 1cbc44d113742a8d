CREATE COLLATION natural_sort (provider = icu, locale = 'und-u-kn-true-ks-level2', deterministic = false);

CREATE TABLE files (id integer PRIMARY KEY, name text COLLATE natural_sort NOT NULL);
