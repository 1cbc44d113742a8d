export type { Change, ChangeAction, Statement } from "./change.js";
export { diffSchemas } from "./diff.js";
