-- A claim's public fact-check. The slug is given at the first publication and never changes, so a public address
-- stays valid through edits and through unpublishing and publishing again. published_at is null while unpublished:
-- then nothing of the claim is public.
CREATE TABLE publication (
    claim_id           bigint       PRIMARY KEY REFERENCES claim (id),
    slug               varchar(120) NOT NULL,
    first_published_at timestamptz  NOT NULL,
    published_at       timestamptz,
    published_by       bigint       NOT NULL REFERENCES reviewer (id),
    version            bigint       NOT NULL DEFAULT 0,
    CONSTRAINT publication_slug_check CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
);

CREATE UNIQUE INDEX publication_slug_idx ON publication (slug);
CREATE INDEX publication_listed_idx ON publication (published_at DESC, claim_id DESC) WHERE published_at IS NOT NULL;

-- What happened to a publication, in order: published, unpublished, or republished with a correction (a new
-- verdict replacing the one the public saw). The public page shows the corrections. Appended, never changed.
CREATE TABLE publication_event (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    claim_id        bigint      NOT NULL REFERENCES publication (claim_id),
    at              timestamptz NOT NULL DEFAULT now(),
    action          varchar(16) NOT NULL,
    reviewer_id     bigint      NOT NULL REFERENCES reviewer (id),
    previous_status varchar(16),
    status          varchar(16) NOT NULL,
    CONSTRAINT publication_event_action_check CHECK (action IN ('published', 'unpublished', 'corrected')),
    CONSTRAINT publication_event_status_check CHECK (status IN ('verified', 'disputed', 'unverified')),
    CONSTRAINT publication_event_previous_check
        CHECK ((action = 'corrected') = (previous_status IS NOT NULL)
               AND (previous_status IS NULL OR previous_status IN ('verified', 'disputed', 'unverified')))
);

CREATE INDEX publication_event_claim_idx ON publication_event (claim_id, at, id);

CREATE TRIGGER publication_event_append_only BEFORE UPDATE OR DELETE ON publication_event
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();

-- The claims made by ClaimReview imports, keyed by the review they came from (its url, or failing that its
-- claim and claimant), so that importing the same document again creates nothing new.
CREATE TABLE claimreview_import (
    review_key  varchar(2100) PRIMARY KEY,
    claim_id    bigint        NOT NULL REFERENCES claim (id),
    imported_at timestamptz   NOT NULL DEFAULT now(),
    imported_by bigint        NOT NULL REFERENCES reviewer (id)
);

CREATE INDEX claimreview_import_claim_idx ON claimreview_import (claim_id);
