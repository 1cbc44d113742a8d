export { catalogDigest, catalogDigestQuery } from "./digest.js";
export { canonical, fingerprint } from "./fingerprint.js";
export { type CatalogRead, introspect, introspectUrl, readCatalog } from "./introspect.js";
export type * from "./model.js";
