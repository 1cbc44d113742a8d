-- expect: MM304
DROP DATABASE analytics;
