-- Issue 19: attribution as data. Beside the truth verdict a claim has an attribution verdict (did the source really
-- say it?), a kind of attribution, the chain of sources that relayed it (nearest first), a re-check date, and the
-- time its resolution took. Sources keep a count table of how their claims were resolved, so that a profile reads a
-- few rows, not a million claims.

ALTER TABLE claim
    ADD COLUMN attribution_status  varchar(16) NOT NULL DEFAULT 'unconfirmed',
    ADD COLUMN attribution_kind    varchar(32),
    ADD COLUMN recheck_on          date,
    ADD COLUMN resolved_at         timestamptz,
    ADD COLUMN resolved_after_days integer,
    ADD CONSTRAINT claim_attribution_status_check
        CHECK (attribution_status IN ('unconfirmed', 'confirmed', 'misattributed')),
    ADD CONSTRAINT claim_attribution_kind_check CHECK (attribution_kind IN ('direct_quote', 'paraphrase',
        'anonymous_official', 'official_statement', 'state_media_report')),
    ADD CONSTRAINT claim_resolved_check CHECK ((resolved_at IS NULL) = (resolved_after_days IS NULL)
        AND (resolved_after_days IS NULL OR resolved_after_days >= 0));

-- the list's attribution filter: confirmed and misattributed are the rare ones worth an index
CREATE INDEX claim_attribution_idx ON claim (attribution_status, created_at DESC, id DESC)
    WHERE attribution_status <> 'unconfirmed';
-- the dashboard's claims due for a re-check
CREATE INDEX claim_recheck_idx ON claim (recheck_on, id) WHERE recheck_on IS NOT NULL AND status = 'unverified';

-- The sources that relayed a claim to the article, nearest first: position 0 is the outlet that printed it.
CREATE TABLE claim_relay (
    claim_id  bigint   NOT NULL REFERENCES claim (id) ON DELETE CASCADE,
    position  smallint NOT NULL,
    source_id bigint   NOT NULL REFERENCES source (id),
    PRIMARY KEY (claim_id, position),
    CONSTRAINT claim_relay_position_check CHECK (position >= 0 AND position < 20)
);

CREATE INDEX claim_relay_source_idx ON claim_relay (source_id, claim_id DESC);

CREATE SEQUENCE attribution_review_seq START WITH 1 INCREMENT BY 50;

-- Every attribution decision, in order, with its evidence (the source's own statement, a transcript). Appended,
-- never changed, like the truth verdicts' history.
CREATE TABLE attribution_review (
    id              bigint       PRIMARY KEY,
    claim_id        bigint       NOT NULL REFERENCES claim (id),
    reviewer_id     bigint       NOT NULL REFERENCES reviewer (id),
    previous_status varchar(16)  NOT NULL,
    status          varchar(16)  NOT NULL,
    rationale       text         NOT NULL,
    evidence        jsonb        NOT NULL DEFAULT '[]',
    claim_version   bigint       NOT NULL,
    decided_at      timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT attribution_review_status_check CHECK (status IN ('unconfirmed', 'confirmed', 'misattributed')),
    CONSTRAINT attribution_review_previous_check
        CHECK (previous_status IN ('unconfirmed', 'confirmed', 'misattributed')),
    CONSTRAINT attribution_review_rationale_check CHECK (btrim(rationale) <> ''),
    CONSTRAINT attribution_review_evidence_check CHECK (jsonb_typeof(evidence) = 'array')
);

-- one attribution decision per claim version, as for truth verdicts
CREATE UNIQUE INDEX attribution_review_claim_version_key ON attribution_review (claim_id, claim_version);

CREATE TRIGGER attribution_review_append_only BEFORE UPDATE OR DELETE ON attribution_review
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER attribution_review_no_truncate BEFORE TRUNCATE ON attribution_review
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();

-- How a claim was resolved: misattributed (whatever its truth), else held up (verified) or did not hold (disputed);
-- null while open.
CREATE FUNCTION claim_outcome(status text, attribution_status text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN attribution_status = 'misattributed' THEN 'misattributed'
                WHEN status = 'verified' THEN 'held_up'
                WHEN status = 'disputed' THEN 'did_not_hold' END
$$;

-- The day a claim's clock starts: the day the source made it when known, else the day the desk took it in.
CREATE FUNCTION claim_made_on(claim_date date, created_at timestamptz) RETURNS date LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce(claim_date, (created_at AT TIME ZONE 'UTC')::date)
$$;

-- Keeps the moment a claim was resolved and the days it took, whoever writes the claim (a decision, an import, a
-- merge): set when its outcome changes, cleared when it is reopened.
CREATE FUNCTION claim_resolution() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    before_outcome text := CASE WHEN TG_OP = 'UPDATE' THEN claim_outcome(OLD.status, OLD.attribution_status) END;
    after_outcome  text := claim_outcome(NEW.status, NEW.attribution_status);
BEGIN
    IF after_outcome IS NULL THEN
        NEW.resolved_at := NULL;
        NEW.resolved_after_days := NULL;
    ELSIF after_outcome IS DISTINCT FROM before_outcome OR NEW.resolved_at IS NULL THEN
        NEW.resolved_at := CASE WHEN TG_OP = 'INSERT' THEN coalesce(NEW.decided_at, now()) ELSE now() END;
    END IF;
    IF NEW.resolved_at IS NOT NULL THEN
        NEW.resolved_after_days := greatest(0,
            (NEW.resolved_at AT TIME ZONE 'UTC')::date - claim_made_on(NEW.claim_date, NEW.created_at));
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER claim_resolution BEFORE INSERT OR UPDATE OF status, attribution_status, claim_date ON claim
    FOR EACH ROW EXECUTE FUNCTION claim_resolution();

-- Claims decided before this migration: resolved when last decided (before the count triggers exist, which then
-- start from the counts filled below).
UPDATE claim SET resolved_at = coalesce(decided_at, updated_at),
    resolved_after_days = greatest(0, (coalesce(decided_at, updated_at) AT TIME ZONE 'UTC')::date
        - claim_made_on(claim_date, created_at))
WHERE status <> 'unverified';

-- A source's resolved claims by the month it made them and by outcome (the profile's chart), and by the days their
-- resolution took (the median). Kept exact by the statement-level triggers below, as source_status_count is (V12).
CREATE TABLE source_outcome_count (
    source_id bigint      NOT NULL REFERENCES source (id) ON DELETE CASCADE,
    month     date        NOT NULL,
    outcome   varchar(16) NOT NULL,
    claims    bigint      NOT NULL,
    PRIMARY KEY (source_id, month, outcome),
    CONSTRAINT source_outcome_count_outcome_check CHECK (outcome IN ('held_up', 'did_not_hold', 'misattributed'))
);

CREATE TABLE source_resolution_days (
    source_id bigint  NOT NULL REFERENCES source (id) ON DELETE CASCADE,
    days      integer NOT NULL,
    claims    bigint  NOT NULL,
    PRIMARY KEY (source_id, days)
);

INSERT INTO source_outcome_count (source_id, month, outcome, claims)
SELECT source_id, date_trunc('month', claim_made_on(claim_date, created_at))::date,
    claim_outcome(status, attribution_status), count(*)
FROM claim WHERE claim_outcome(status, attribution_status) IS NOT NULL GROUP BY 1, 2, 3;

INSERT INTO source_resolution_days (source_id, days, claims)
SELECT source_id, resolved_after_days, count(*) FROM claim WHERE resolved_after_days IS NOT NULL GROUP BY 1, 2;

-- Adds one statement's changes; rows are locked in key order so that concurrent writers never deadlock.
CREATE FUNCTION add_outcome_counts(source_ids bigint[], months date[], outcomes text[], days integer[],
        deltas bigint[]) RETURNS void LANGUAGE sql AS $$
    INSERT INTO source_outcome_count AS t (source_id, month, outcome, claims)
    SELECT d.source_id, d.month, d.outcome, sum(d.delta)
    FROM unnest(source_ids, months, outcomes, deltas) AS d (source_id, month, outcome, delta)
    GROUP BY 1, 2, 3 HAVING sum(d.delta) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT (source_id, month, outcome) DO UPDATE SET claims = t.claims + excluded.claims;
    INSERT INTO source_resolution_days AS t (source_id, days, claims)
    SELECT d.source_id, d.days, sum(d.delta) FROM unnest(source_ids, days, deltas) AS d (source_id, days, delta)
    GROUP BY 1, 2 HAVING sum(d.delta) <> 0 ORDER BY 1, 2
    ON CONFLICT (source_id, days) DO UPDATE SET claims = t.claims + excluded.claims;
$$;

CREATE FUNCTION claim_outcome_counts_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM add_outcome_counts(array_agg(source_id), array_agg(date_trunc('month', claim_made_on(claim_date,
            created_at))::date), array_agg(claim_outcome(status, attribution_status)), array_agg(resolved_after_days),
            array_agg(1::bigint))
        FROM new_claims WHERE claim_outcome(status, attribution_status) IS NOT NULL;
    ELSIF TG_OP = 'UPDATE' THEN
        PERFORM add_outcome_counts(array_agg(d.source_id), array_agg(d.month), array_agg(d.outcome),
            array_agg(d.days), array_agg(d.delta))
        FROM (SELECT o.source_id, date_trunc('month', claim_made_on(o.claim_date, o.created_at))::date AS month,
                     claim_outcome(o.status, o.attribution_status) AS outcome, o.resolved_after_days AS days,
                     -1::bigint AS delta
              FROM old_claims o JOIN new_claims n ON n.id = o.id
              WHERE claim_outcome(o.status, o.attribution_status) IS NOT NULL
                AND (o.status, o.attribution_status, o.source_id, o.claim_date, o.resolved_after_days)
                    IS DISTINCT FROM (n.status, n.attribution_status, n.source_id, n.claim_date, n.resolved_after_days)
              UNION ALL
              SELECT n.source_id, date_trunc('month', claim_made_on(n.claim_date, n.created_at))::date,
                     claim_outcome(n.status, n.attribution_status), n.resolved_after_days, 1::bigint
              FROM old_claims o JOIN new_claims n ON n.id = o.id
              WHERE claim_outcome(n.status, n.attribution_status) IS NOT NULL
                AND (o.status, o.attribution_status, o.source_id, o.claim_date, o.resolved_after_days)
                    IS DISTINCT FROM (n.status, n.attribution_status, n.source_id, n.claim_date, n.resolved_after_days)
             ) d;
    ELSE
        PERFORM add_outcome_counts(array_agg(source_id), array_agg(date_trunc('month', claim_made_on(claim_date,
            created_at))::date), array_agg(claim_outcome(status, attribution_status)), array_agg(resolved_after_days),
            array_agg(-1::bigint))
        FROM old_claims WHERE claim_outcome(status, attribution_status) IS NOT NULL;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER claim_outcome_counts_insert AFTER INSERT ON claim REFERENCING NEW TABLE AS new_claims
    FOR EACH STATEMENT EXECUTE FUNCTION claim_outcome_counts_change();
CREATE TRIGGER claim_outcome_counts_update AFTER UPDATE ON claim
    REFERENCING OLD TABLE AS old_claims NEW TABLE AS new_claims
    FOR EACH STATEMENT EXECUTE FUNCTION claim_outcome_counts_change();
CREATE TRIGGER claim_outcome_counts_delete AFTER DELETE ON claim REFERENCING OLD TABLE AS old_claims
    FOR EACH STATEMENT EXECUTE FUNCTION claim_outcome_counts_change();


-- Other fact-checkers' reviews: who published one and when, so that a claim's page can say "Also checked by:
-- PolitiFact, False (2024-05-02)". Imports before this migration have neither.
ALTER TABLE claimreview_import
    ADD COLUMN organisation varchar(200),
    ADD COLUMN reviewed_on  date;

-- The same statement by the same claimant, as the matching of imported reviews reads it: lower case, single spaces,
-- no punctuation at either end (RatingMapping.normalize's rule), hashed to keep the index small.
CREATE FUNCTION claim_statement_key(statement text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT md5(regexp_replace(lower(regexp_replace(btrim(statement), '\s+', ' ', 'g')),
        '^[[:punct:][:space:]]+|[[:punct:][:space:]]+$', '', 'g'))
$$;

CREATE INDEX claim_statement_key_idx ON claim (source_id, claim_statement_key(statement));
