-- covers: tables, inheritance; a child stops inheriting (NO INHERIT) and keeps its columns
CREATE TABLE base_log (id bigint NOT NULL, at timestamptz NOT NULL DEFAULT now());

CREATE TABLE error_log (message text) INHERITS (base_log);
