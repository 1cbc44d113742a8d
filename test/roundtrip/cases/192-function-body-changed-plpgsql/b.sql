CREATE TABLE accounts (id integer PRIMARY KEY, balance numeric NOT NULL DEFAULT 0);

CREATE FUNCTION deposit(p_id integer, p_amount numeric) RETURNS numeric LANGUAGE plpgsql AS $$
DECLARE
  result numeric;
BEGIN
  IF p_amount <= 0 THEN
    RAISE EXCEPTION 'deposit must be positive, got %', p_amount;
  END IF;
  UPDATE accounts SET balance = balance + p_amount WHERE id = p_id RETURNING balance INTO result;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no account %', p_id;
  END IF;
  RETURN result;
END
$$;
