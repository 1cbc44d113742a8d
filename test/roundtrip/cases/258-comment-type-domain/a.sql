-- covers: comments (TYPE, DOMAIN, COLUMN of a composite); comments on an enum, a composite, its attribute and a domain
CREATE TYPE mood AS ENUM ('sad', 'happy');

CREATE TYPE point3 AS (x real, y real, z real);

CREATE DOMAIN positive AS integer CHECK (VALUE > 0);
COMMENT ON DOMAIN positive IS 'greater than zero';
