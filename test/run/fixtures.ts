/** A small shop schema and a target that adds a column, an index and a table. */
export const SHOP = `
CREATE TABLE public.customers (id bigint PRIMARY KEY, name text NOT NULL);
CREATE TABLE public.orders (
  id bigint PRIMARY KEY,
  customer_id bigint NOT NULL REFERENCES public.customers (id),
  amount integer NOT NULL,
  note text
);`;

export const SHOP_V2 = `${SHOP}
ALTER TABLE public.orders ADD COLUMN amount_cents bigint;
CREATE INDEX orders_customer_idx ON public.orders (customer_id);
CREATE TABLE public.audit (id bigint PRIMARY KEY, at timestamptz NOT NULL DEFAULT now());`;

export function shopData(orders: number): string {
  return `
INSERT INTO public.customers SELECT g, 'customer ' || g FROM generate_series(1, 50) g;
INSERT INTO public.orders SELECT g, 1 + g % 50, g % 1000 + 1, 'note ' || g FROM generate_series(1, ${orders}) g;`;
}

export const SHOP_TABLES = ["public.customers", "public.orders"];
