-- covers: enums, columns, defaults; a value is added and the column default switches to it
CREATE TYPE account_state AS ENUM ('active', 'closed');

CREATE TABLE accounts (id integer PRIMARY KEY, state account_state NOT NULL DEFAULT 'active');
