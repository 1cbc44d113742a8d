import type { TextSearchConfigurationObj, TextSearchDictionaryObj, TextSearchMapping } from "../model.js";
import { description, identity, notExtensionMember, qualifiedName, userNamespace } from "../sql.js";

export const textSearchDictionariesQuery = `
SELECT ${identity("pg_ts_dict", "d.oid")} AS identity,
       (SELECT ${qualifiedName("tn", "t.tmplname")} FROM pg_ts_template t JOIN pg_namespace tn ON tn.oid = t.tmplnamespace
         WHERE t.oid = d.dicttemplate) AS template,
       d.dictinitoption AS options, ${description("pg_ts_dict", "d.oid")} AS comment
  FROM pg_ts_dict d JOIN pg_namespace n ON n.oid = d.dictnamespace
 WHERE ${userNamespace("n")} AND ${notExtensionMember("pg_ts_dict", "d.oid")}`;

interface TextSearchDictionaryRow {
  identity: string;
  template: string;
  options: string | null;
  comment: string | null;
}

export function toTextSearchDictionary(row: TextSearchDictionaryRow): TextSearchDictionaryObj {
  return {
    kind: "text search dictionary",
    id: `text search dictionary:${row.identity}`,
    sqlName: row.identity,
    template: row.template,
    options: row.options,
    comment: row.comment,
    dependsOn: [],
  };
}

// Token types are named by the parser's aliases (ts_token_type), as ALTER … MAPPING FOR names them.
export const textSearchConfigurationsQuery = `
SELECT ${identity("pg_ts_config", "c.oid")} AS identity,
       (SELECT ${qualifiedName("pn", "p.prsname")} FROM pg_ts_parser p JOIN pg_namespace pn ON pn.oid = p.prsnamespace
         WHERE p.oid = c.cfgparser) AS parser,
       (SELECT coalesce(json_agg(json_build_object('token', m.alias, 'dictionaries', m.dictionaries) ORDER BY m.tokid), '[]'::json)
          FROM (SELECT t.tokid, t.alias,
                       array_agg(${qualifiedName("dn", "dd.dictname")} ORDER BY cm.mapseqno) AS dictionaries
                  FROM pg_ts_config_map cm JOIN ts_token_type(c.cfgparser) t ON t.tokid = cm.maptokentype
                  JOIN pg_ts_dict dd ON dd.oid = cm.mapdict JOIN pg_namespace dn ON dn.oid = dd.dictnamespace
                 WHERE cm.mapcfg = c.oid GROUP BY t.tokid, t.alias) m) AS mappings,
       ${description("pg_ts_config", "c.oid")} AS comment
  FROM pg_ts_config c JOIN pg_namespace n ON n.oid = c.cfgnamespace
 WHERE ${userNamespace("n")} AND ${notExtensionMember("pg_ts_config", "c.oid")}`;

interface TextSearchConfigurationRow {
  identity: string;
  parser: string;
  mappings: TextSearchMapping[];
  comment: string | null;
}

export function toTextSearchConfiguration(row: TextSearchConfigurationRow): TextSearchConfigurationObj {
  return {
    kind: "text search configuration",
    id: `text search configuration:${row.identity}`,
    sqlName: row.identity,
    parser: row.parser,
    mappings: row.mappings,
    comment: row.comment,
    dependsOn: [],
  };
}
