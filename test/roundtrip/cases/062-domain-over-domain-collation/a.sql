-- covers: domains, collations; a domain with a collation is built on another domain and used by a column
CREATE COLLATION bytewise FROM "C";

CREATE DOMAIN code AS text COLLATE bytewise CHECK (VALUE <> '');
