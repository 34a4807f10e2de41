/**
 * What `q` searches for, as one SQL expression over the parameter `:q`: the web-search syntax
 * ("quotes", OR, -not) with Dutch stemming, each word also matching as the start of a longer word
 * (`surveil` finds "surveillanceapparatuur", `2019Z152` finds 2019Z15244). `desk_search_query`
 * (migration AddSearchLexicon1733890001000) asks for the lexemes a word starts exactly when the
 * desk's lexicon knows at most 20 of them, and as a prefix (`:*`) otherwise; both are answered by
 * the GIN index on question_set.search_vector, the exact form several times faster at a million sets.
 */
export const SEARCH_QUERY_SQL = 'desk_search_query(CAST(:q AS text))';
