-- expect: none
SET lock_timeout = '5s';
SET statement_timeout = '15min';
-- DROP TABLE users; TRUNCATE users; ALTER TABLE users DROP COLUMN email;
/* CREATE INDEX users_email_idx ON users (email); */
COMMENT ON TABLE users IS 'never run: DROP TABLE users; TRUNCATE users;';
SELECT $body$ ALTER TABLE users ALTER COLUMN id TYPE int $body$ AS example;
