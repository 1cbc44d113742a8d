-- covers: functions, columns, dependencies; a function called by column defaults gains a defaulted parameter while one default keeps the same text, one changes and one goes
CREATE FUNCTION next_code() RETURNS text LANGUAGE sql AS $$ SELECT 'A' $$;

CREATE TABLE items (
    id integer,
    code text DEFAULT next_code(),
    label text DEFAULT upper(next_code()),
    note text DEFAULT next_code() || '!'
);
