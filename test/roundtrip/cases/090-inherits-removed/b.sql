CREATE TABLE base_log (id bigint NOT NULL, at timestamptz NOT NULL DEFAULT now());

CREATE TABLE error_log (id bigint NOT NULL, at timestamptz NOT NULL DEFAULT now(), message text);
