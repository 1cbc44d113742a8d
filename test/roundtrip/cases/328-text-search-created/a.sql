-- covers: text search dictionaries and configurations, generated columns, indexes; a dictionary and a configuration copied from english with its own mappings and a comment are created, with a generated column and an expression index that use them
CREATE TABLE docs (id int, body text);
