-- covers: constraints (check); a CHECK is added, one dropped and one changed
CREATE TABLE products (
  id integer PRIMARY KEY,
  price numeric NOT NULL CONSTRAINT price_positive CHECK (price > 0),
  discount numeric CONSTRAINT discount_range CHECK (discount BETWEEN 0 AND 50),
  sku text CONSTRAINT sku_not_empty CHECK (sku <> '')
);
