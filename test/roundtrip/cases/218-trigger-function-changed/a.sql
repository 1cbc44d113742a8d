-- covers: triggers, functions; the function a trigger calls changes body, and a second trigger switches to another function
CREATE TABLE posts (id integer PRIMARY KEY, title text NOT NULL, slug text);

CREATE FUNCTION make_slug() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.slug := lower(NEW.title);
  RETURN NEW;
END
$$;

CREATE FUNCTION trim_title() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.title := trim(NEW.title);
  RETURN NEW;
END
$$;

CREATE TRIGGER posts_slug BEFORE INSERT ON posts FOR EACH ROW EXECUTE FUNCTION make_slug();
CREATE TRIGGER posts_clean BEFORE INSERT ON posts FOR EACH ROW EXECUTE FUNCTION make_slug();
