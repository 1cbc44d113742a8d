CREATE TABLE users (id int NOT NULL, region text NOT NULL, PRIMARY KEY (id, region));
CREATE TABLE events (id int, region text, user_id int, CONSTRAINT events_user_fk FOREIGN KEY (user_id, region) REFERENCES users);
CREATE TABLE events_eu (id int, region text, user_id int);
