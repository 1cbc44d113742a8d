CREATE TABLE measurements (id int, sensor text NOT NULL CHECK (length(sensor) > 0)) PARTITION BY LIST (sensor);
CREATE TABLE readings_a PARTITION OF measurements FOR VALUES IN ('a');
