-- expect: MM609
REVOKE UPDATE ON users FROM reporting_role;
