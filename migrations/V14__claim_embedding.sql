-- Claim matching by meaning (issue 14, org.claimdesk.match). Each claim's statement as a sentence embedding
-- (all-MiniLM-L6-v2, 384 dimensions) quantized to one signed byte per dimension: 384 bytes a claim instead of 1,536.
-- The row is written in the transaction that writes the claim, so a restart or a second instance rebuilds nothing.
--
-- Nearest neighbours without an extension the embedded PostgreSQL lacks: an inverted-file (IVF) layout. The vectors
-- are grouped around centroids trained by k-means (match_centroid); each claim's row carries the number of its
-- nearest centroid, and a search reads only the rows of the few centroids nearest the query, through the index on
-- (centroid). Before any centroids are trained every row is in list 0 and a search reads them all.
CREATE TABLE match_centroid (
    id     integer  PRIMARY KEY,
    vector bytea    NOT NULL,
    CONSTRAINT match_centroid_vector_check CHECK (octet_length(vector) = 384)
);

CREATE TABLE claim_embedding (
    claim_id bigint   PRIMARY KEY REFERENCES claim (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    centroid integer  NOT NULL DEFAULT 0,
    vector   bytea    NOT NULL,
    CONSTRAINT claim_embedding_vector_check CHECK (octet_length(vector) = 384)
);
-- INCLUDE (vector) would let a probe read the index alone, but doubles the disk; the heap rows of one list are
-- close together anyway when the generator or a re-index writes them list by list
CREATE INDEX claim_embedding_centroid_idx ON claim_embedding (centroid);
