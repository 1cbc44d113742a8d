-- covers: collations, columns; an ICU collation keeps its name but changes its locale while a column uses it
CREATE COLLATION natural_sort (provider = icu, locale = 'und-u-kn-true');

CREATE TABLE files (id integer PRIMARY KEY, name text COLLATE natural_sort NOT NULL);
