CREATE TABLE plain (id integer PRIMARY KEY);

CREATE TABLE "Order" (
  "Id" integer PRIMARY KEY,
  "user" text NOT NULL,
  "select" integer DEFAULT 1,
  "Created At" timestamptz,
  "weird""quote" text
);

CREATE TABLE "user" ("order" integer REFERENCES "Order" ("Id"), "group" text);

CREATE INDEX "Order user idx" ON "Order" ("user");
