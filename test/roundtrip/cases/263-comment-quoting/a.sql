-- covers: comments, quoted identifiers; comments holding quotes, newlines and dollar signs on objects with quoted names
CREATE TABLE "Weird Table" ("Col""Quote" text);
