-- Searching claims covers their source's names too. A search is one text-search query over the claim's words and
-- its source's names together, so that "korea -workers" excludes claims that mention workers even when "korea" is
-- in the source's name, and "MND missiles" finds the missiles claim of the source called MND.
ALTER TABLE claim ADD COLUMN source_vector tsvector NOT NULL DEFAULT ''::tsvector;

UPDATE claim c SET source_vector = setweight(s.search_vector, 'C') FROM source s WHERE s.id = c.source_id;

-- A claim takes its source's names when it is stored or moves to another source...
CREATE FUNCTION claim_source_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.source_vector := coalesce((SELECT setweight(search_vector, 'C') FROM source WHERE id = NEW.source_id),
        ''::tsvector);
    RETURN NEW;
END $$;

CREATE TRIGGER claim_source_vector BEFORE INSERT OR UPDATE OF source_id ON claim
    FOR EACH ROW EXECUTE FUNCTION claim_source_vector();

-- ...and again when the source's names change.
CREATE FUNCTION source_names_to_claims() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE claim SET source_vector = setweight(NEW.search_vector, 'C') WHERE source_id = NEW.id;
    RETURN NULL;
END $$;

CREATE TRIGGER source_names_to_claims AFTER UPDATE OF name, aliases ON source
    FOR EACH ROW WHEN (OLD.search_vector IS DISTINCT FROM NEW.search_vector)
    EXECUTE FUNCTION source_names_to_claims();

CREATE INDEX claim_document_idx ON claim USING gin ((search_vector || source_vector));

-- Links are history too: removing one marks it removed, by whom and when, so the claim's timeline keeps it.
ALTER TABLE claim_link ADD COLUMN removed_by bigint REFERENCES reviewer (id);
ALTER TABLE claim_link ADD COLUMN removed_at timestamptz;
ALTER TABLE claim_link ADD CONSTRAINT claim_link_removed_check CHECK ((removed_at IS NULL) = (removed_by IS NULL));
ALTER TABLE claim_link DROP CONSTRAINT claim_link_pair_key;
-- one live link per pair; removed ones stay beside it
CREATE UNIQUE INDEX claim_link_pair_key ON claim_link (claim_id, other_id) WHERE removed_at IS NULL;

-- The claim version each edit was made from, so that a decision begun before an edit of tags or assignee (which
-- does not change what is being decided) can still be recorded, while one begun before an edit of the statement,
-- quote, source or article cannot.
ALTER TABLE claim_edit ADD COLUMN claim_version bigint;
CREATE INDEX claim_edit_version_idx ON claim_edit (claim_id, claim_version);
