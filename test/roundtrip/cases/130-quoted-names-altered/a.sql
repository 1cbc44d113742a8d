-- covers: columns, constraints, quoted identifiers; columns with reserved and mixed-case names change type, default and NOT NULL
CREATE TABLE "user" (
  "ID" integer PRIMARY KEY,
  "from" text,
  "Limit" integer DEFAULT 10,
  "table" varchar(10)
);
