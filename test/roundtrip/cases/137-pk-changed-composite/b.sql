CREATE TABLE memberships (id integer NOT NULL, group_id integer NOT NULL, user_id integer NOT NULL, PRIMARY KEY (group_id, user_id));
