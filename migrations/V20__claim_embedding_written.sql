-- Every write of a claim's vector gets the next number of a sequence (issue 17/14, org.claimdesk.match.MeaningCodes):
-- each instance keeps the desk's vectors in memory as sign bits and reads only the rows written since it last looked,
-- by any instance. Rows stored before this migration keep NULL: an instance reads them when it loads the whole table.
-- Adding the column without a default rewrites nothing, so a million-claim desk migrates at once.
CREATE SEQUENCE claim_embedding_written_seq;

ALTER TABLE claim_embedding ADD COLUMN written bigint;
ALTER TABLE claim_embedding ALTER COLUMN written SET DEFAULT nextval('claim_embedding_written_seq');
ALTER SEQUENCE claim_embedding_written_seq OWNED BY claim_embedding.written;

-- an edited statement writes a new vector: it is a new write (a re-index that only moves rows between lists is not)
CREATE FUNCTION claim_embedding_rewritten() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.written := nextval('claim_embedding_written_seq');
    RETURN NEW;
END
$$;

CREATE TRIGGER claim_embedding_rewritten BEFORE UPDATE OF vector ON claim_embedding
    FOR EACH ROW WHEN (OLD.vector IS DISTINCT FROM NEW.vector) EXECUTE FUNCTION claim_embedding_rewritten();

CREATE INDEX claim_embedding_written_idx ON claim_embedding (written);
