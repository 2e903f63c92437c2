-- The editorial workflow (issue 18): a second reviewer's approval of a decision before it is published, internal
-- notes with @mentions, the queue entries those make, and a priority for triage.

-- Triage priority. The claims list can filter and sort by it, and it orders "My queue".
ALTER TABLE claim ADD COLUMN priority varchar(8) NOT NULL DEFAULT 'normal';
ALTER TABLE claim ADD CONSTRAINT claim_priority_check CHECK (priority IN ('high', 'normal', 'low'));
-- the dashboard's queue reads a reviewer's claims in priority order
CREATE INDEX claim_assignee_priority_idx ON claim (assignee_id, priority, created_at, id) WHERE assignee_id IS NOT NULL;
CREATE INDEX claim_priority_idx ON claim (priority, created_at DESC, id DESC) WHERE priority <> 'normal';

CREATE SEQUENCE claim_approval_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE claim_note_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE claim_queue_item_seq START WITH 1 INCREMENT BY 50;

-- A second reviewer's answer to one decision (review): approved, or sent back with a note. It names the claim version
-- it was given on; a later decision, or an edit of what the decision is about, leaves it behind (see
-- workflow.Approvals). Appended, never changed.
CREATE TABLE claim_approval (
    id            bigint      PRIMARY KEY,
    claim_id      bigint      NOT NULL REFERENCES claim (id),
    review_id     bigint      NOT NULL REFERENCES review (id),
    reviewer_id   bigint      NOT NULL REFERENCES reviewer (id),
    action        varchar(16) NOT NULL,
    note          text        NOT NULL DEFAULT '',
    claim_version bigint      NOT NULL,
    at            timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT claim_approval_action_check CHECK (action IN ('approved', 'sent_back')),
    CONSTRAINT claim_approval_note_check CHECK (action = 'approved' OR btrim(note) <> '')
);

-- one answer per reviewer and decision
CREATE UNIQUE INDEX claim_approval_answer_key ON claim_approval (review_id, reviewer_id);
CREATE INDEX claim_approval_claim_idx ON claim_approval (claim_id, at, id);

-- The reviewer who made a decision cannot approve it, even by raw SQL; the review must be of the same claim.
CREATE FUNCTION refuse_own_approval() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    decider bigint;
    decided_claim bigint;
BEGIN
    SELECT reviewer_id, claim_id INTO decider, decided_claim FROM review WHERE id = NEW.review_id;
    IF decided_claim IS DISTINCT FROM NEW.claim_id THEN
        RAISE EXCEPTION 'approval of review % names claim %, not its claim %', NEW.review_id, NEW.claim_id,
            decided_claim USING ERRCODE = 'check_violation';
    END IF;
    IF decider = NEW.reviewer_id THEN
        RAISE EXCEPTION 'a reviewer cannot answer their own decision (review %)', NEW.review_id
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER claim_approval_not_own BEFORE INSERT ON claim_approval
    FOR EACH ROW EXECUTE FUNCTION refuse_own_approval();
CREATE TRIGGER claim_approval_append_only BEFORE UPDATE OR DELETE ON claim_approval
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER claim_approval_no_truncate BEFORE TRUNCATE ON claim_approval
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();

-- Internal notes on a claim: read by everyone signed in, never public. Appended, never changed.
CREATE TABLE claim_note (
    id         bigint      PRIMARY KEY,
    claim_id   bigint      NOT NULL REFERENCES claim (id),
    author_id  bigint      NOT NULL REFERENCES reviewer (id),
    text       text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT claim_note_text_check CHECK (btrim(text) <> '')
);

CREATE INDEX claim_note_claim_idx ON claim_note (claim_id, created_at, id);

CREATE TRIGGER claim_note_append_only BEFORE UPDATE OR DELETE ON claim_note
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER claim_note_no_truncate BEFORE TRUNCATE ON claim_note
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();

-- A claim put into someone's queue by a note that mentions them, or by a decision sent back to them. It stays until
-- it is cleared: a mention when they open the claim, a sending-back when they decide the claim again. Only
-- cleared_at ever changes.
CREATE TABLE claim_queue_item (
    id          bigint      PRIMARY KEY,
    claim_id    bigint      NOT NULL REFERENCES claim (id),
    reviewer_id bigint      NOT NULL REFERENCES reviewer (id),
    reason      varchar(16) NOT NULL,
    note_id     bigint      REFERENCES claim_note (id),
    approval_id bigint      REFERENCES claim_approval (id),
    created_at  timestamptz NOT NULL DEFAULT now(),
    cleared_at  timestamptz,
    CONSTRAINT claim_queue_item_reason_check CHECK (
        (reason = 'mention' AND note_id IS NOT NULL AND approval_id IS NULL)
        OR (reason = 'sent_back' AND approval_id IS NOT NULL AND note_id IS NULL))
);

CREATE INDEX claim_queue_item_open_idx ON claim_queue_item (reviewer_id, created_at DESC, id DESC)
    WHERE cleared_at IS NULL;
CREATE INDEX claim_queue_item_claim_idx ON claim_queue_item (claim_id, reviewer_id) WHERE cleared_at IS NULL;
-- one open mention per reviewer, claim and note
CREATE UNIQUE INDEX claim_queue_item_note_key ON claim_queue_item (note_id, reviewer_id) WHERE note_id IS NOT NULL;
