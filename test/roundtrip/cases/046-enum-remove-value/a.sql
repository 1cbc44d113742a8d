-- covers: enums, columns; a value is removed from an enum used by a column (the type is recreated)
CREATE TYPE plan AS ENUM ('free', 'trial', 'pro');

CREATE TABLE subscriptions (id integer PRIMARY KEY, plan plan NOT NULL);
