-- covers: sequences, columns; a sequence's OWNED BY moves to a column of another table
CREATE TABLE old_numbers (n bigint);
CREATE TABLE new_numbers (n bigint);

CREATE SEQUENCE numbers_seq OWNED BY old_numbers.n;
