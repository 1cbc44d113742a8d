-- covers: collations, columns, indexes, views; a collation used by indexed, defaulted and array columns and a view changes definition, the columns move to the rebuilt collation in place
CREATE COLLATION ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
CREATE COLLATION natural_sort (provider = icu, locale = 'und-u-kn-true');

CREATE TABLE users (
  id integer PRIMARY KEY,
  email text COLLATE ci NOT NULL UNIQUE,
  nick varchar(20) COLLATE ci DEFAULT 'anon',
  tags text[] COLLATE ci,
  file text COLLATE natural_sort
);
CREATE INDEX users_nick ON users (nick) WHERE nick IS NOT NULL;
CREATE VIEW user_nicks AS SELECT id, nick FROM users;
COMMENT ON COLLATION ci IS 'case-insensitive';
