CREATE TABLE region (
  code text PRIMARY KEY
);
CREATE TABLE sale (
  region text NOT NULL,
  amount numeric
) PARTITION BY LIST (region);
CREATE TABLE sale_north PARTITION OF sale FOR VALUES IN ('north');
CREATE TABLE sale_south PARTITION OF sale FOR VALUES IN ('south');
ALTER TABLE sale ADD CONSTRAINT sale_region_fk FOREIGN KEY (region) REFERENCES region (code);
