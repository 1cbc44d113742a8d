CREATE TABLE "Weird Table" ("Col""Quote" text);

COMMENT ON TABLE "Weird Table" IS E'it''s "quoted"\nand has a second line';
COMMENT ON COLUMN "Weird Table"."Col""Quote" IS 'costs $5 or $$10$$ \ backslash';
