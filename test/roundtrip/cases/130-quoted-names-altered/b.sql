CREATE TABLE "user" (
  "ID" bigint PRIMARY KEY,
  "from" text NOT NULL,
  "Limit" integer DEFAULT 20 CHECK ("Limit" > 0),
  "table" varchar(30),
  "Where" boolean
);
