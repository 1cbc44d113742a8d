-- covers: enums; a value is added before the first value of an enum
CREATE TYPE level AS ENUM ('info', 'warning', 'error');
