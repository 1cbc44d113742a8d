-- covers: partitioned tables, foreign keys; a partition is dropped together with a table whose foreign key references the partitioned parent (the key's clone on the partition goes first), and a new partition comes with a new referencing table
CREATE TABLE shipments (id int NOT NULL, sent date NOT NULL, PRIMARY KEY (id, sent)) PARTITION BY RANGE (sent);
CREATE TABLE shipments_2024 PARTITION OF shipments FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE shipments_2023 PARTITION OF shipments FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
CREATE TABLE claims (id int PRIMARY KEY, shipment_id int NOT NULL, shipment_sent date NOT NULL,
  FOREIGN KEY (shipment_id, shipment_sent) REFERENCES shipments (id, sent));
