import type { DefaultPrivilegesObj } from "../../catalog/model.js";
import { quoteIdent } from "../../db/quote.js";
import type { Generator } from "../change.js";
import { NO_PRIVILEGES, privilegeChange } from "./common.js";

/** `ALTER DEFAULT PRIVILEGES [FOR ROLE …] [IN SCHEMA …] `: a rule without a role is the running role's. */
const rulePrefix = (d: DefaultPrivilegesObj) =>
  `ALTER DEFAULT PRIVILEGES${d.role === null ? "" : ` FOR ROLE ${quoteIdent(d.role)}`}${d.schema === null ? "" : ` IN SCHEMA ${d.schema}`} `;

/**
 * A rule exists while it differs from the built-in defaults: granting creates it, revoking back drops it.
 * A changed rule is dropped before the plan creates objects and created after (see the diff's ordering), so
 * no new object gets privileges from either version of it.
 */
export const defaultPrivilegesSql: Generator<DefaultPrivilegesObj> = {
  create: (d) => privilegeChange(d.objectType, NO_PRIVILEGES, d.grants, "", rulePrefix(d)),
  drop: (d) => privilegeChange(d.objectType, d.grants, NO_PRIVILEGES, "", rulePrefix(d)),
  alter: () => "recreate",
};
