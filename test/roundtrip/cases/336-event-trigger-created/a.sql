-- covers: event triggers, functions, comments; event triggers with and without WHEN TAG, one disabled and one ENABLE ALWAYS, are created after the tables the plan creates
CREATE TABLE audit_log (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, tag text NOT NULL);
