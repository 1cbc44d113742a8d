-- covers: dropped data, primary keys; every column of a table is replaced, its primary key too, so dropped values have no key to be restored by
CREATE TABLE public.parcel (
    id integer PRIMARY KEY,
    label text NOT NULL,
    weight numeric
);
