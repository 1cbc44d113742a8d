-- covers: views (security_barrier, check_option); view options are set, changed and removed
CREATE TABLE documents (id integer PRIMARY KEY, owner text NOT NULL, public boolean NOT NULL);

CREATE VIEW public_documents AS SELECT id, owner, public FROM documents WHERE public;

CREATE VIEW owned_documents WITH (security_barrier = true) AS SELECT id, owner FROM documents WHERE owner = current_user;

CREATE VIEW recent_documents AS SELECT id, owner, public FROM documents WHERE id > 1000 WITH LOCAL CHECK OPTION;
