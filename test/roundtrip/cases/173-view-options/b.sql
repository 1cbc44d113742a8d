CREATE TABLE documents (id integer PRIMARY KEY, owner text NOT NULL, public boolean NOT NULL);

CREATE VIEW public_documents WITH (security_barrier) AS SELECT id, owner, public FROM documents WHERE public WITH CASCADED CHECK OPTION;

CREATE VIEW owned_documents AS SELECT id, owner FROM documents WHERE owner = current_user;

CREATE VIEW recent_documents AS SELECT id, owner, public FROM documents WHERE id > 1000 WITH CASCADED CHECK OPTION;
