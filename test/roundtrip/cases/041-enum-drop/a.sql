-- covers: enums, columns; an enum and the column using it are dropped
CREATE TYPE ticket_state AS ENUM ('open', 'closed');

CREATE TABLE tickets (id integer PRIMARY KEY, state ticket_state);
