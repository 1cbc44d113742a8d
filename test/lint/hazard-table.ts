import { HAZARDS } from "../../src/lint/index.js";

const cell = (values: string[]) => (values.length === 0 ? "—" : values.join(", "));
const escapePipes = (text: string) => text.replaceAll("|", "\\|");

/** The hazard table of docs/hazards.md, rendered from the catalog so the page cannot drift from the code. */
export function renderHazardTable(): string {
  const header = [
    "| code | name | severity | lock & what it blocks | safe rewrite | squawk | Atlas | pg-schema-diff | strong_migrations |",
    "|---|---|---|---|---|---|---|---|---|",
  ];
  const rows = Object.values(HAZARDS).map((info) =>
    [
      info.code,
      `\`${info.name}\``,
      info.severity,
      escapePipes(info.lock),
      escapePipes(info.rewrite),
      cell(info.equivalents.squawk.map((rule) => `\`${rule}\``)),
      cell(info.equivalents.atlas),
      cell(info.equivalents.pgSchemaDiff.map((type) => `\`${type}\``)),
      cell(info.equivalents.strongMigrations),
    ].join(" | "),
  );
  return [...header, ...rows.map((row) => `| ${row} |`)].join("\n");
}
