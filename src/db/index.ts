export {
  connect,
  type DbClient,
  databaseName,
  parseDatabaseUrl,
  withClient,
  withDatabase,
} from "./connect.js";
export {
  type EmbeddedServer,
  embeddedServerStatus,
  ensureEmbeddedServer,
  migrateHome,
  stopEmbeddedServer,
} from "./embedded.js";
export { findLockHolder, type LockHolder, withAdvisoryLock } from "./lock.js";
export { qualify, quoteIdent, quoteLiteral, quoteNullableLiteral } from "./quote.js";
export { redact, redactUrl } from "./redact.js";
export { resolveDatabaseUrl } from "./resolve.js";
export { checkServer, type ServerInfo } from "./server-info.js";
export { runStandalone, withTransaction } from "./transaction.js";
