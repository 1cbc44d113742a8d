CREATE TYPE state AS ENUM ('new', 'done');
CREATE TYPE task AS (title text, s state);
