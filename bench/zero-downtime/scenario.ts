import { withClient } from "../../src/db/index.js";

/**
 * The migration issue 4 asks to prove online: on a busy `events` table it adds a NOT NULL column with a
 * volatile default, changes a column's type in a way that rewrites the table (integer → bigint), and adds
 * a unique constraint, a foreign key to a parent table and an index.
 */
export const SOURCE_SCHEMA = `
CREATE TABLE public.accounts (id bigint PRIMARY KEY, name text NOT NULL);
CREATE TABLE public.events (
  id bigint PRIMARY KEY,
  account_id bigint NOT NULL,
  note text NOT NULL,
  score integer NOT NULL
);`;

export const TARGET_SCHEMA = `
CREATE TABLE public.accounts (id bigint PRIMARY KEY, name text NOT NULL);
CREATE TABLE public.events (
  id bigint PRIMARY KEY,
  account_id bigint NOT NULL CONSTRAINT events_account_fkey REFERENCES public.accounts (id),
  note text NOT NULL CONSTRAINT events_note_key UNIQUE,
  score bigint NOT NULL,
  token uuid NOT NULL DEFAULT gen_random_uuid()
);
CREATE INDEX events_account_idx ON public.events (account_id);`;

/** Parent rows the writers' inserts point at. */
export const ACCOUNTS = 1000;

/**
 * Loads the source schema and `rows` events server-side (generate_series), then ANALYZE so the planner's
 * estimates see the real size. Row `id` starts with score `id % 1000`.
 */
export async function seedSource(url: string, rows: number): Promise<void> {
  await withClient(url, async (client) => {
    await client.query(SOURCE_SCHEMA);
    await client.query(
      "INSERT INTO public.accounts SELECT g, 'account ' || g FROM generate_series(1, $1::bigint) g",
      [ACCOUNTS],
    );
    await client.query(
      `INSERT INTO public.events
       SELECT g, 1 + g % $2::bigint, 'note ' || g, g % 1000 FROM generate_series(1, $1::bigint) g`,
      [rows, ACCOUNTS],
    );
    await client.query("VACUUM (ANALYZE) public.accounts, public.events");
  });
}
