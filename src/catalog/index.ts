export { canonical } from "./definition.js";
export { catalogDigest, catalogDigestQuery } from "./digest.js";
export { type CatalogRead, introspect, introspectUrl, readCatalog } from "./introspect.js";
export type * from "./model.js";
