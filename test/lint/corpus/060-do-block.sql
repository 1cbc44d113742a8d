-- expect: MM006
DO $$
BEGIN
  EXECUTE 'ALTER TABLE users ADD COLUMN ' || 'nickname text';
END
$$;
