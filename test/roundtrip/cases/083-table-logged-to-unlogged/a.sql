-- covers: tables, sequences; a LOGGED table with an identity column becomes UNLOGGED
CREATE TABLE page_views (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, path text NOT NULL);
