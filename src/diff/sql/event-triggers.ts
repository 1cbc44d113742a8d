import type { EventTriggerObj } from "../../catalog/model.js";
import { quoteLiteral } from "../../db/quote.js";
import { type Generator, type Statement, stmt } from "../change.js";
import { commentChange, commentOnCreate } from "./common.js";

const ENABLED: Record<EventTriggerObj["enabled"], string> = {
  O: "ENABLE",
  D: "DISABLE",
  R: "ENABLE REPLICA",
  A: "ENABLE ALWAYS",
};

function enabledState(from: EventTriggerObj["enabled"], to: EventTriggerObj): Statement[] {
  return from === to.enabled ? [] : [stmt(`ALTER EVENT TRIGGER ${to.name} ${ENABLED[to.enabled]}`)];
}

/** An event trigger that changes event, function or tags is dropped and created again; its state is altered. */
export const eventTriggerSql: Generator<EventTriggerObj> = {
  create: (e) => [
    stmt(
      `CREATE EVENT TRIGGER ${e.name} ON ${e.event}${e.tags ? ` WHEN TAG IN (${e.tags.map(quoteLiteral).join(", ")})` : ""} EXECUTE FUNCTION ${e.function}`,
    ),
    ...enabledState("O", e),
    ...commentOnCreate(`EVENT TRIGGER ${e.name}`, e.comment),
  ],
  drop: (e) => [stmt(`DROP EVENT TRIGGER ${e.name}`)],
  alter: (from, to) =>
    from.event !== to.event ||
    from.function !== to.function ||
    JSON.stringify(from.tags) !== JSON.stringify(to.tags)
      ? "recreate"
      : [
          ...enabledState(from.enabled, to),
          ...commentChange(`EVENT TRIGGER ${to.name}`, from.comment, to.comment),
        ],
};
