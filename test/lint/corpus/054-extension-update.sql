-- expect: MM610
ALTER EXTENSION postgis UPDATE TO '3.4.0';
