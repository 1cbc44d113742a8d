-- covers: composites, enums, dependencies; an enum that a composite attribute uses loses a value, so the old type can only be dropped once the composite no longer uses it
CREATE TYPE state AS ENUM ('new', 'done', 'lost');
CREATE TYPE task AS (title text, s state);
