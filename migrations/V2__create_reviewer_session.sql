-- One row per browser login. The encrypted session cookie names its row, so that logging out, a password
-- change or a deactivation ends a session for good, on every app instance, even if the cookie is replayed.
CREATE TABLE reviewer_session (
    id           varchar(64)  PRIMARY KEY,
    reviewer_id  bigint       NOT NULL REFERENCES reviewer (id) ON DELETE CASCADE,
    created_at   timestamptz  NOT NULL DEFAULT now(),
    last_seen_at timestamptz  NOT NULL DEFAULT now(),
    ended_at     timestamptz,
    address      varchar(64)  NOT NULL,
    user_agent   varchar(256) NOT NULL DEFAULT ''
);

CREATE INDEX reviewer_session_open_idx ON reviewer_session (reviewer_id) WHERE ended_at IS NULL;
CREATE INDEX reviewer_session_last_seen_idx ON reviewer_session (last_seen_at);
