/**
 * What `q` searches for, as one SQL expression over the parameter `:q`: the web-search syntax
 * ("quotes", OR, -not) with Dutch stemming, each word also matching as the start of a longer word
 * (`surveil` finds "surveillanceapparatuur", `2019Z152` finds 2019Z15244). The lexemes
 * websearch_to_tsquery made are already stemmed; a prefix mark (`:*`) is put after each, and the text
 * is read back as a tsquery as it stands. The GIN index on question_set.search_vector answers prefix
 * matches too.
 */
export const SEARCH_QUERY_SQL = `CAST(regexp_replace(CAST(websearch_to_tsquery('dutch', :q) AS text), '''(?:[^'']|'''')*''', '\\&:*', 'g') AS tsquery)`;
