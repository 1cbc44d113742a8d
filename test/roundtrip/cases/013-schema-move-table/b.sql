CREATE SCHEMA config;

CREATE TABLE config.settings (key text PRIMARY KEY, value text NOT NULL);
