-- covers: columns; narrowing type changes (bigint to integer, text to varchar(50), timestamptz to date)
CREATE TABLE archive (id bigint PRIMARY KEY, title text, archived_at timestamptz);
