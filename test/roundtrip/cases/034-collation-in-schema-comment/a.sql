-- covers: collations, schemas, comments; a collation in another schema gets a comment and a second collation
CREATE SCHEMA text_rules;

CREATE COLLATION text_rules.bytewise FROM "C";
