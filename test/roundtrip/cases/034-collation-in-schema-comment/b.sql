CREATE SCHEMA text_rules;

CREATE COLLATION text_rules.bytewise FROM "C";
COMMENT ON COLLATION text_rules.bytewise IS 'byte order, for codes';

CREATE COLLATION text_rules.case_insensitive (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
