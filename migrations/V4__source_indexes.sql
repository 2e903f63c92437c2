-- The sources list finds any part of a name or alias, so that "Korean Cent" finds KCNA while it is being typed.
-- Without an index that is a scan of every source (about 50 ms at 20,000 sources); one trigram index over all of a
-- source's names makes it a lookup. The names are joined by newlines, which a search box does not send, so a match
-- never spans two names. array_to_string is only STABLE in general, but on text[] its result depends on nothing
-- but its arguments, so the wrapper may be IMMUTABLE, as an index expression must be.
CREATE FUNCTION source_names(name text, aliases text[]) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT name || E'\n' || array_to_string(aliases, E'\n') $$;

CREATE INDEX source_names_trgm_idx ON source USING gin (source_names(name, aliases) gin_trgm_ops);
