-- expect: MM601
UPDATE users SET newsletter = false;
