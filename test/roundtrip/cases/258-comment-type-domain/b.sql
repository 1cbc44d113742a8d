CREATE TYPE mood AS ENUM ('sad', 'happy');
COMMENT ON TYPE mood IS 'how the user feels';

CREATE TYPE point3 AS (x real, y real, z real);
COMMENT ON TYPE point3 IS 'a point in space';
COMMENT ON COLUMN point3.z IS 'height';

CREATE DOMAIN positive AS integer CHECK (VALUE > 0);
COMMENT ON DOMAIN positive IS 'strictly greater than zero';
