CREATE TABLE plain (id integer PRIMARY KEY);

CREATE SCHEMA "Sales Data";

CREATE TABLE "Sales Data"."order" ("Id" integer PRIMARY KEY, "group" text);

COMMENT ON SCHEMA "Sales Data" IS 'quoted name';
