-- How other fact-checkers' verdict wording (ClaimReview alternateName, LIAR's six labels) maps onto our three
-- statuses. Admins edit it in the app; imports of ClaimReview and of tables read it.
CREATE TABLE rating_mapping (
    label      varchar(100) PRIMARY KEY,
    status     varchar(16)  NOT NULL,
    updated_by bigint       REFERENCES reviewer (id),
    updated_at timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT rating_mapping_label_check CHECK (label = lower(btrim(label)) AND label <> ''),
    CONSTRAINT rating_mapping_status_check CHECK (status IN ('verified', 'disputed', 'unverified'))
);

INSERT INTO rating_mapping (label, status) VALUES
    ('true', 'verified'), ('correct', 'verified'), ('accurate', 'verified'), ('verified', 'verified'),
    ('mostly true', 'verified'),
    ('false', 'disputed'), ('incorrect', 'disputed'), ('misleading', 'disputed'), ('mostly false', 'disputed'),
    ('barely true', 'disputed'), ('pants on fire', 'disputed'), ('pants-fire', 'disputed'), ('disputed', 'disputed'),
    ('unproven', 'unverified'), ('mixed', 'unverified'), ('mixture', 'unverified'), ('half true', 'unverified'),
    ('half-true', 'unverified'), ('unverifiable', 'unverified'), ('unverified', 'unverified');

-- The verdict wording a claim arrived with from an import, kept as the other fact-checker wrote it.
ALTER TABLE claim ADD COLUMN original_rating varchar(200);

-- What admins did: accounts created, roles changed, deactivations, source merges, rating-mapping changes.
-- Appended, never changed.
CREATE TABLE audit_log (
    id       bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at       timestamptz  NOT NULL DEFAULT now(),
    actor_id bigint       REFERENCES reviewer (id),
    action   varchar(64)  NOT NULL,
    target   varchar(300) NOT NULL DEFAULT '',
    detail   text         NOT NULL DEFAULT ''
);

CREATE INDEX audit_log_at_idx ON audit_log (at DESC, id DESC);

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
