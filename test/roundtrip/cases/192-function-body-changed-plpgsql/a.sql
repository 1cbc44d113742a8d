-- covers: functions (plpgsql); a plpgsql function body changes
CREATE TABLE accounts (id integer PRIMARY KEY, balance numeric NOT NULL DEFAULT 0);

CREATE FUNCTION deposit(p_id integer, p_amount numeric) RETURNS numeric LANGUAGE plpgsql AS $$
DECLARE
  result numeric;
BEGIN
  UPDATE accounts SET balance = balance + p_amount WHERE id = p_id RETURNING balance INTO result;
  RETURN result;
END
$$;
