-- expect: MM208
SET lock_timeout = '5s';
SET statement_timeout = '15min';
ALTER TABLE legacy_items ADD PRIMARY KEY (item_id);
