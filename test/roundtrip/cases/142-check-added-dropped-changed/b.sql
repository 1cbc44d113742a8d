CREATE TABLE products (
  id integer PRIMARY KEY,
  price numeric NOT NULL CONSTRAINT price_positive CHECK (price > 0),
  discount numeric CONSTRAINT discount_range CHECK (discount BETWEEN 0 AND 90),
  sku text,
  CONSTRAINT discount_below_price CHECK (discount IS NULL OR discount < price)
);
