-- covers: privileges (types, domains); USAGE on an enum and a domain is revoked from PUBLIC and granted to a role
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');

CREATE DOMAIN positive AS integer CHECK (VALUE > 0);
