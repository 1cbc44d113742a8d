-- covers: policies, functions; a policy that calls a function and reads another table is created
CREATE TABLE memberships (team_id integer NOT NULL, member name NOT NULL, PRIMARY KEY (team_id, member));

CREATE TABLE boards (id integer PRIMARY KEY, team_id integer NOT NULL);

ALTER TABLE boards ENABLE ROW LEVEL SECURITY;

CREATE FUNCTION is_member(p_team integer) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
AS $$ SELECT EXISTS (SELECT FROM public.memberships WHERE team_id = p_team AND member = current_user) $$;
