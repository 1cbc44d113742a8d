export { catalogDigest, catalogDigestQuery } from "./digest.js";
export { canonical, comparable, fingerprint } from "./fingerprint.js";
export { introspect, introspectUrl } from "./introspect.js";
export type * from "./model.js";
