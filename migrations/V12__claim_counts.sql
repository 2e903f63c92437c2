-- Claim counts by status, for the desk and for each source, kept exact by triggers in the transaction that changes
-- them. The dashboard, the unfiltered or per-source claims list and a source's profile read a few rows here instead
-- of counting up to a million claims (issue 6: measured 60 to 120 ms per count at a million claims).

-- The desk's counts are split into 16 slots by claim id, summed when read, so that concurrent decisions on different
-- claims seldom wait for the same row.
CREATE TABLE claim_status_count (
    status varchar(16) NOT NULL,
    slot   smallint    NOT NULL,
    claims bigint      NOT NULL,
    PRIMARY KEY (status, slot),
    CONSTRAINT claim_status_count_status_check CHECK (status IN ('verified', 'disputed', 'unverified')),
    CONSTRAINT claim_status_count_claims_check CHECK (claims >= 0)
);

CREATE TABLE source_status_count (
    source_id bigint      NOT NULL REFERENCES source (id) ON DELETE CASCADE,
    status    varchar(16) NOT NULL,
    claims    bigint      NOT NULL,
    PRIMARY KEY (source_id, status),
    -- no CHECK (claims >= 0): an upsert checks the row it would insert (a -1) before it finds the existing one
    CONSTRAINT source_status_count_status_check CHECK (status IN ('verified', 'disputed', 'unverified'))
);

-- the dashboard's sources with most disputed claims
CREATE INDEX source_status_count_top_idx ON source_status_count (status, claims DESC, source_id);

INSERT INTO claim_status_count (status, slot, claims)
SELECT s.status, n.slot, coalesce(c.claims, 0)
FROM (VALUES ('verified'), ('disputed'), ('unverified')) AS s (status) CROSS JOIN generate_series(0, 15) AS n (slot)
LEFT JOIN (SELECT status, id % 16 AS slot, count(*) AS claims FROM claim GROUP BY 1, 2) c
    ON c.status = s.status AND c.slot = n.slot;

INSERT INTO source_status_count (source_id, status, claims)
SELECT source_id, status, count(*) FROM claim GROUP BY source_id, status;

-- Adds the changes of one statement: a claim counted (+1) or no longer counted (-1) under a source and a status.
-- Count rows are locked in one order, by source and status and then by status and slot, so that concurrent writers
-- never deadlock on them; a change that nets out to zero locks nothing.
CREATE FUNCTION add_claim_counts(claim_ids bigint[], source_ids bigint[], statuses text[], deltas bigint[])
    RETURNS void LANGUAGE sql AS $$
    INSERT INTO source_status_count AS t (source_id, status, claims)
    SELECT d.source_id, d.status, sum(d.delta) FROM unnest(source_ids, statuses, deltas) AS d (source_id, status, delta)
    GROUP BY d.source_id, d.status HAVING sum(d.delta) <> 0 ORDER BY d.source_id, d.status
    ON CONFLICT (source_id, status) DO UPDATE SET claims = t.claims + excluded.claims;
    SELECT count(*) FROM (
        SELECT 1 FROM claim_status_count WHERE (status, slot) IN (
            SELECT d.status, (d.claim_id % 16)::smallint FROM unnest(claim_ids, statuses, deltas) AS d (claim_id, status, delta)
            GROUP BY 1, 2 HAVING sum(d.delta) <> 0)
        ORDER BY status, slot FOR UPDATE) AS locked;
    UPDATE claim_status_count t SET claims = t.claims + d.delta
    FROM (SELECT d.status, (d.claim_id % 16)::smallint AS slot, sum(d.delta) AS delta
          FROM unnest(claim_ids, statuses, deltas) AS d (claim_id, status, delta)
          GROUP BY 1, 2 HAVING sum(d.delta) <> 0) d
    WHERE t.status = d.status AND t.slot = d.slot;
$$;

-- Statement-level, with transition tables: a COPY of 20,000 claims adds its counts once, and an UPDATE of many
-- claims (a source merge) locks count rows only after every claim row it changes, never in between.
CREATE FUNCTION claim_counts_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM add_claim_counts(array_agg(id), array_agg(source_id), array_agg(status::text), array_agg(1::bigint))
        FROM new_claims;
    ELSIF TG_OP = 'UPDATE' THEN
        PERFORM add_claim_counts(array_agg(d.id), array_agg(d.source_id), array_agg(d.status), array_agg(d.delta))
        FROM (SELECT o.id, o.source_id, o.status::text AS status, -1::bigint AS delta
              FROM old_claims o JOIN new_claims n ON n.id = o.id
              WHERE o.status IS DISTINCT FROM n.status OR o.source_id IS DISTINCT FROM n.source_id
              UNION ALL
              SELECT n.id, n.source_id, n.status::text, 1::bigint
              FROM old_claims o JOIN new_claims n ON n.id = o.id
              WHERE o.status IS DISTINCT FROM n.status OR o.source_id IS DISTINCT FROM n.source_id) d;
    ELSE
        PERFORM add_claim_counts(array_agg(id), array_agg(source_id), array_agg(status::text), array_agg(-1::bigint))
        FROM old_claims;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER claim_counts_insert AFTER INSERT ON claim REFERENCING NEW TABLE AS new_claims
    FOR EACH STATEMENT EXECUTE FUNCTION claim_counts_change();
CREATE TRIGGER claim_counts_update AFTER UPDATE ON claim REFERENCING OLD TABLE AS old_claims NEW TABLE AS new_claims
    FOR EACH STATEMENT EXECUTE FUNCTION claim_counts_change();
CREATE TRIGGER claim_counts_delete AFTER DELETE ON claim REFERENCING OLD TABLE AS old_claims
    FOR EACH STATEMENT EXECUTE FUNCTION claim_counts_change();
