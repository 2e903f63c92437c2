-- Search in every script (issue 16). One text-search configuration, `claimdesk`, builds every claim and source
-- vector and reads every query, so that the one GIN index (claim_document_idx) serves all of them:
--   * English words (the parser's ascii words) keep English stemming: "production" finds "produce";
--   * other words (Cyrillic among them) go through the Russian stemmer, which leaves every other script as it is:
--     "Путин" finds "Путина" and "Путину";
--   * the text is read without its diacritics first (unaccent), so "Muller" finds "Müller";
--   * runs of Korean, Japanese and Chinese letters are also indexed as overlapping pairs of letters, because those
--     scripts write particles and compounds into one word: "북한" finds "북한은" and "북한이".
-- Queries are built the same way in Java (system/SearchText).

-- unaccent is a trusted extension since PostgreSQL 13: a database owner may create it without being a superuser.
CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE TEXT SEARCH CONFIGURATION claimdesk (COPY = english);
ALTER TEXT SEARCH CONFIGURATION claimdesk ALTER MAPPING FOR word, hword, hword_part WITH unaccent, russian_stem;

-- unaccent() is only STABLE (its rules file could change); a generated column needs IMMUTABLE. The rules ship with
-- PostgreSQL and are fixed for a server, so the wrapper may promise it. The dictionary is named by OID through the
-- regdictionary cast at creation, so search_path cannot change which one is used.
CREATE FUNCTION claimdesk_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN unaccent('unaccent'::regdictionary, $1);

-- The overlapping letter pairs of every run of Hangul, kana and CJK ideographs, separated by spaces (a run of one
-- letter is itself). Pairs of one run get consecutive positions, so a query's pairs can be matched as a phrase.
CREATE FUNCTION claimdesk_cjk_pairs(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
RETURN (
    SELECT coalesce(string_agg(CASE WHEN length(m.run[1]) = 1 THEN m.run[1] ELSE substr(m.run[1], i, 2) END, ' '
        ORDER BY m.n, i), '')
    FROM regexp_matches($1, '[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+', 'g')
        WITH ORDINALITY AS m(run, n),
        generate_series(1, greatest(length(m.run[1]) - 1, 1)) AS i
);

-- The searchable words of a text: English and other scripts as above, digit groups joined first ("15,000" is
-- indexed as 15000, as a search for either is read; the parser would split it into "15" and "000").
CREATE FUNCTION claimdesk_search_vector(text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN to_tsvector('claimdesk', claimdesk_unaccent(regexp_replace(coalesce($1, ''), '(\d),(?=\d{3})', '\1', 'g')))
    || to_tsvector('simple', claimdesk_cjk_pairs(coalesce($1, '')));

-- A claim's vector is rebuilt with the new words. Dropping the generated column drops its two indexes too.
ALTER TABLE claim DROP COLUMN search_vector;
ALTER TABLE claim ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    setweight(claimdesk_search_vector(statement), 'A') || setweight(claimdesk_search_vector(quote), 'B')
) STORED;

-- Source names the same way, and every claim's copy of them (V6).
CREATE OR REPLACE FUNCTION source_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_vector := claimdesk_search_vector(NEW.name || ' ' || array_to_string(NEW.aliases, ' '));
    RETURN NEW;
END $$;

-- Only the rows whose words change are written: plain English names keep the same vector, and rewriting every
-- claim would cost another pass over the table and each of its indexes.
UPDATE source SET search_vector = claimdesk_search_vector(name || ' ' || array_to_string(aliases, ' '))
    WHERE search_vector IS DISTINCT FROM claimdesk_search_vector(name || ' ' || array_to_string(aliases, ' '));
UPDATE claim c SET source_vector = setweight(s.search_vector, 'C') FROM source s
    WHERE s.id = c.source_id AND c.source_vector IS DISTINCT FROM setweight(s.search_vector, 'C');

CREATE INDEX claim_search_idx ON claim USING gin (search_vector);
CREATE INDEX claim_document_idx ON claim USING gin ((search_vector || source_vector));
