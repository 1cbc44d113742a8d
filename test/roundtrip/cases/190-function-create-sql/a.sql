-- covers: functions (SQL); SQL functions are created, one with a RETURN body (SQL-standard) and one with a string body
CREATE TABLE prices (id integer PRIMARY KEY, amount numeric NOT NULL);
