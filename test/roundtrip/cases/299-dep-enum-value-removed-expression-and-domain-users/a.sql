-- covers: enums, domains, generated columns, dependencies; an enum loses a value while a generated column compares against it and a domain over it types a column with a default
CREATE TYPE tier AS ENUM ('free', 'trial', 'pro');
CREATE TABLE subs (id integer PRIMARY KEY, t tier, paid boolean GENERATED ALWAYS AS (t = 'pro') STORED);
CREATE TYPE size AS ENUM ('s', 'm', 'l');
CREATE DOMAIN shirt_size AS size;
CREATE TABLE shirts (id integer PRIMARY KEY, sz shirt_size DEFAULT 's');
