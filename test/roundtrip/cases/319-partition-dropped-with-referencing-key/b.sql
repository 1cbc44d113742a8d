CREATE TABLE shipments (id int NOT NULL, sent date NOT NULL, PRIMARY KEY (id, sent)) PARTITION BY RANGE (sent);
CREATE TABLE shipments_2024 PARTITION OF shipments FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE shipments_2025 PARTITION OF shipments FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE returns (id serial PRIMARY KEY, shipment_id int NOT NULL, shipment_sent date NOT NULL,
  FOREIGN KEY (shipment_id, shipment_sent) REFERENCES shipments (id, sent) ON DELETE CASCADE);
