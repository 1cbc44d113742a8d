CREATE TYPE tier AS ENUM ('free', 'pro');
CREATE TABLE subs (id integer PRIMARY KEY, t tier, paid boolean GENERATED ALWAYS AS (t = 'pro') STORED);
CREATE TYPE size AS ENUM ('s', 'm');
CREATE DOMAIN shirt_size AS size;
CREATE TABLE shirts (id integer PRIMARY KEY, sz shirt_size DEFAULT 's');
