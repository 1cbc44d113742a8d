-- covers: enums, schemas, columns; an enum in another schema used by columns in two schemas loses a value and gains one
CREATE SCHEMA shared;

CREATE TYPE shared.channel AS ENUM ('email', 'sms', 'fax');

CREATE TABLE public.notifications (id integer PRIMARY KEY, channel shared.channel NOT NULL);

CREATE TABLE shared.preferences (user_id integer PRIMARY KEY, channel shared.channel DEFAULT 'email');
