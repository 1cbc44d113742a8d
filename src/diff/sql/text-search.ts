import type {
  TextSearchConfigurationObj,
  TextSearchDictionaryObj,
  TextSearchMapping,
} from "../../catalog/model.js";
import { quoteIdent } from "../../db/quote.js";
import { type Generator, type Statement, stmt } from "../change.js";
import { commentChange, commentOnCreate } from "./common.js";

const dictionaryTarget = (d: TextSearchDictionaryObj) => `TEXT SEARCH DICTIONARY ${d.sqlName}`;

/** `name = 'value', …` as PostgreSQL stores a dictionary's options; null when the text is not in that form. */
function parseOptions(options: string | null): [string, string][] | null {
  if (options === null) return [];
  const pairs: [string, string][] = [];
  const option = /^([A-Za-z_][A-Za-z0-9_]*) = ('(?:[^']|'')*')(?:, |$)/;
  let rest = options;
  while (rest.length > 0) {
    const match = option.exec(rest);
    if (!match?.[1] || !match[2]) return null;
    pairs.push([match[1], match[2]]);
    rest = rest.slice(match[0].length);
  }
  return pairs;
}

/**
 * ALTER … (option = value, option) for a dictionary whose options change: PostgreSQL keeps the options it is
 * not given in place and appends the ones it sets, so ALTER is used only when that gives the target's order;
 * otherwise (or for another template) the dictionary is rebuilt with what uses it.
 */
function optionChange(from: TextSearchDictionaryObj, to: TextSearchDictionaryObj): Statement[] | "recreate" {
  const before = parseOptions(from.options);
  const after = parseOptions(to.options);
  if (from.template !== to.template || !before || !after) return "recreate";
  const wanted = new Map(after);
  const kept = before.filter(([name, value]) => wanted.get(name) === value);
  const keptNames = new Set(kept.map(([name]) => name));
  const set = after.filter(([name]) => !keptNames.has(name));
  const result = [...kept, ...set];
  if (result.some(([name, value], i) => after[i]?.[0] !== name || after[i]?.[1] !== value)) return "recreate";
  const unset = before.filter(([name]) => !wanted.has(name)).map(([name]) => name);
  const changes = [...set.map(([name, value]) => `${name} = ${value}`), ...unset];
  return changes.length ? [stmt(`ALTER ${dictionaryTarget(to)} (${changes.join(", ")})`)] : [];
}

export const textSearchDictionarySql: Generator<TextSearchDictionaryObj> = {
  create: (d) => [
    stmt(
      `CREATE ${dictionaryTarget(d)} (TEMPLATE = ${d.template}${d.options === null ? "" : `, ${d.options}`})`,
    ),
    ...commentOnCreate(dictionaryTarget(d), d.comment),
  ],
  drop: (d) => [stmt(`DROP ${dictionaryTarget(d)}`)],
  alter: (from, to) => {
    const options = optionChange(from, to);
    return options === "recreate"
      ? options
      : [...options, ...commentChange(dictionaryTarget(to), from.comment, to.comment)];
  },
};

const configurationTarget = (c: TextSearchConfigurationObj) => `TEXT SEARCH CONFIGURATION ${c.sqlName}`;

/** Token types that go through the same dictionaries share one statement, in the parser's token order. */
function mappingStatements(
  c: TextSearchConfigurationObj,
  verb: "ADD" | "ALTER",
  mappings: TextSearchMapping[],
): Statement[] {
  const byDictionaries = new Map<string, string[]>();
  for (const m of mappings) {
    const dictionaries = m.dictionaries.join(", ");
    byDictionaries.set(dictionaries, [...(byDictionaries.get(dictionaries) ?? []), quoteIdent(m.token)]);
  }
  return [...byDictionaries].map(([dictionaries, tokens]) =>
    stmt(`ALTER ${configurationTarget(c)} ${verb} MAPPING FOR ${tokens.join(", ")} WITH ${dictionaries}`),
  );
}

const sameDictionaries = (a: TextSearchMapping, b: TextSearchMapping) =>
  a.dictionaries.join("\u0000") === b.dictionaries.join("\u0000");

/** A new configuration has no mappings; each token type is mapped after it is created. */
export const textSearchConfigurationSql: Generator<TextSearchConfigurationObj> = {
  create: (c) => [
    stmt(`CREATE ${configurationTarget(c)} (PARSER = ${c.parser})`),
    ...mappingStatements(c, "ADD", c.mappings),
    ...commentOnCreate(configurationTarget(c), c.comment),
  ],
  drop: (c) => [stmt(`DROP ${configurationTarget(c)}`)],
  alter: (from, to) => {
    if (from.parser !== to.parser) return "recreate";
    const before = new Map(from.mappings.map((m) => [m.token, m]));
    const after = new Set(to.mappings.map((m) => m.token));
    const dropped = from.mappings.filter((m) => !after.has(m.token)).map((m) => quoteIdent(m.token));
    return [
      ...(dropped.length
        ? [stmt(`ALTER ${configurationTarget(to)} DROP MAPPING FOR ${dropped.join(", ")}`)]
        : []),
      ...mappingStatements(
        to,
        "ADD",
        to.mappings.filter((m) => !before.has(m.token)),
      ),
      ...mappingStatements(
        to,
        "ALTER",
        to.mappings.filter((m) => {
          const old = before.get(m.token);
          return old !== undefined && !sameDictionaries(old, m);
        }),
      ),
      ...commentChange(configurationTarget(to), from.comment, to.comment),
    ];
  },
};
