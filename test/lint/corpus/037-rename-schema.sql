-- expect: MM403
ALTER SCHEMA reporting RENAME TO analytics;
