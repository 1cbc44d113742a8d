-- expect: MM001, MM002
ALTER TABLE users ADD COLUMN nickname text;
