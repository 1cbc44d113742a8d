CREATE SCHEMA shared;

CREATE TYPE shared.channel AS ENUM ('email', 'sms', 'push');

CREATE TABLE public.notifications (id integer PRIMARY KEY, channel shared.channel NOT NULL);

CREATE TABLE shared.preferences (user_id integer PRIMARY KEY, channel shared.channel DEFAULT 'email');
