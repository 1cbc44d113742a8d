-- expect: MM308
DELETE FROM sessions;
