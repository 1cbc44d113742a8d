import type { EventTriggerObj } from "../model.js";
import { description, notExtensionMember } from "../sql.js";

export const eventTriggersQuery = `
SELECT quote_ident(e.evtname) AS name, e.evtevent AS event, e.evtfoid::regprocedure::text AS function,
       e.evttags AS tags, e.evtenabled::text AS enabled, ${description("pg_event_trigger", "e.oid")} AS comment
  FROM pg_event_trigger e
 WHERE ${notExtensionMember("pg_event_trigger", "e.oid")}`;

interface EventTriggerRow {
  name: string;
  event: string;
  function: string;
  tags: string[] | null;
  enabled: EventTriggerObj["enabled"];
  comment: string | null;
}

export function toEventTrigger(row: EventTriggerRow): EventTriggerObj {
  return {
    kind: "event trigger",
    id: `event trigger:${row.name}`,
    sqlName: row.name,
    name: row.name,
    event: row.event,
    function: row.function,
    tags: row.tags,
    enabled: row.enabled,
    comment: row.comment,
    dependsOn: [],
  };
}
