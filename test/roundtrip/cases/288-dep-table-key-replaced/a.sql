CREATE TABLE public.parcel (
    id integer PRIMARY KEY,
    label text NOT NULL,
    weight numeric
);
