CREATE TABLE public.parcel (
    code text PRIMARY KEY,
    grams bigint
);
