CREATE FUNCTION next_code(prefix text DEFAULT 'B') RETURNS text LANGUAGE sql AS $$ SELECT prefix $$;

CREATE TABLE items (
    id integer,
    code text DEFAULT next_code(),
    label text DEFAULT upper(next_code()) || 'x',
    note text
);
