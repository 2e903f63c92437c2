-- The workbench: sources, articles, claims, and the append-only record of every decision and edit.
-- Sequences step by 50, Panache's allocation size.

-- Trigram similarity finds related claims and near-duplicate names (pg_trgm is a trusted extension since PostgreSQL 13).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE SEQUENCE source_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE article_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE claim_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE review_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE evidence_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE claim_edit_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE claim_link_seq START WITH 1 INCREMENT BY 50;

-- Who makes claims: agencies, governments, people, outlets. Aliases are the other names the press uses.
CREATE TABLE source (
    id            bigint        PRIMARY KEY,
    name          varchar(200)  NOT NULL,
    aliases       text[]        NOT NULL DEFAULT '{}',
    kind          varchar(32)   NOT NULL,
    country       varchar(2),
    description   text          NOT NULL DEFAULT '',
    website       varchar(2000),
    search_vector tsvector      NOT NULL DEFAULT ''::tsvector,
    created_by    bigint        REFERENCES reviewer (id),
    created_at    timestamptz   NOT NULL DEFAULT now(),
    updated_by    bigint        REFERENCES reviewer (id),
    updated_at    timestamptz   NOT NULL DEFAULT now(),
    version       bigint        NOT NULL DEFAULT 0,
    CONSTRAINT source_name_check CHECK (btrim(name) <> ''),
    CONSTRAINT source_kind_check CHECK (kind IN ('state_media', 'government', 'intelligence_agency', 'military',
        'news_outlet', 'person', 'analysts', 'ngo', 'company', 'other')),
    CONSTRAINT source_country_check CHECK (country ~ '^[A-Z]{2}$'),
    CONSTRAINT source_website_check CHECK (website ~* '^https?://')
);

CREATE UNIQUE INDEX source_name_key ON source (lower(name));
CREATE INDEX source_search_idx ON source USING gin (search_vector);
CREATE INDEX source_name_trgm_idx ON source USING gin (name gin_trgm_ops);
CREATE INDEX source_kind_idx ON source (kind, country);

-- A source's names as one searchable vector; a trigger because array_to_string is not immutable.
CREATE FUNCTION source_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_vector := to_tsvector('english', NEW.name || ' ' || array_to_string(NEW.aliases, ' '));
    RETURN NEW;
END $$;

CREATE TRIGGER source_search_vector BEFORE INSERT OR UPDATE OF name, aliases ON source
    FOR EACH ROW EXECUTE FUNCTION source_search_vector();

-- Where claims appear. Claims point at a character range of body.
CREATE TABLE article (
    id           bigint        PRIMARY KEY,
    title        varchar(500)  NOT NULL,
    publisher_id bigint        REFERENCES source (id),
    url          varchar(2000),
    published_on date,
    body         text          NOT NULL,
    created_by   bigint        REFERENCES reviewer (id),
    created_at   timestamptz   NOT NULL DEFAULT now(),
    updated_by   bigint        REFERENCES reviewer (id),
    updated_at   timestamptz   NOT NULL DEFAULT now(),
    version      bigint        NOT NULL DEFAULT 0,
    CONSTRAINT article_title_check CHECK (btrim(title) <> ''),
    CONSTRAINT article_url_check CHECK (url ~* '^https?://')
);

CREATE INDEX article_publisher_idx ON article (publisher_id);
CREATE INDEX article_created_idx ON article (created_at DESC, id DESC);

-- An attributed claim: what was said (statement), the words as printed (quote), who said it, and where.
CREATE TABLE claim (
    id            bigint       PRIMARY KEY,
    statement     text         NOT NULL,
    quote         text,
    source_id     bigint       NOT NULL REFERENCES source (id),
    article_id    bigint       REFERENCES article (id),
    quote_start   integer,
    quote_end     integer,
    claim_date    date,
    tags          text[]       NOT NULL DEFAULT '{}',
    assignee_id   bigint       REFERENCES reviewer (id),
    status        varchar(16)  NOT NULL DEFAULT 'unverified',
    decided_at    timestamptz,
    decided_by    bigint       REFERENCES reviewer (id),
    created_by    bigint       REFERENCES reviewer (id),
    created_at    timestamptz  NOT NULL DEFAULT now(),
    updated_by    bigint       REFERENCES reviewer (id),
    updated_at    timestamptz  NOT NULL DEFAULT now(),
    version       bigint       NOT NULL DEFAULT 0,
    -- Digit groups are joined first ("15,000" is indexed as 15000, as a search for either is read), because the
    -- text-search parser would split them into "15" and "000".
    search_vector tsvector     GENERATED ALWAYS AS (
        setweight(to_tsvector('english', regexp_replace(statement, '(\d),(?=\d{3})', '\1', 'g')), 'A')
        || setweight(to_tsvector('english', regexp_replace(coalesce(quote, ''), '(\d),(?=\d{3})', '\1', 'g')), 'B')
    ) STORED,
    CONSTRAINT claim_statement_check CHECK (btrim(statement) <> ''),
    CONSTRAINT claim_status_check CHECK (status IN ('verified', 'disputed', 'unverified')),
    CONSTRAINT claim_range_check CHECK (
        (quote_start IS NULL AND quote_end IS NULL)
        OR (article_id IS NOT NULL AND quote_start >= 0 AND quote_end > quote_start)),
    CONSTRAINT claim_decided_check CHECK ((decided_at IS NULL) = (decided_by IS NULL))
);

CREATE INDEX claim_created_idx ON claim (created_at DESC, id DESC);
CREATE INDEX claim_status_created_idx ON claim (status, created_at DESC, id DESC);
CREATE INDEX claim_source_created_idx ON claim (source_id, created_at DESC, id DESC);
CREATE INDEX claim_source_status_idx ON claim (source_id, status);
CREATE INDEX claim_article_idx ON claim (article_id, quote_start);
CREATE INDEX claim_assignee_idx ON claim (assignee_id, status) WHERE assignee_id IS NOT NULL;
-- "Latest decision" order: undecided claims last, as -infinity, so that one keyset serves every page.
CREATE INDEX claim_decided_idx ON claim ((coalesce(decided_at, '-infinity'::timestamptz)) DESC, id DESC);
CREATE INDEX claim_date_idx ON claim (claim_date);
CREATE INDEX claim_tags_idx ON claim USING gin (tags);
CREATE INDEX claim_search_idx ON claim USING gin (search_vector);
CREATE INDEX claim_statement_trgm_idx ON claim USING gin (statement gin_trgm_ops);

-- Every decision on a claim, in order. Appended, never changed: see the trigger below.
CREATE TABLE review (
    id              bigint       PRIMARY KEY,
    claim_id        bigint       NOT NULL REFERENCES claim (id),
    reviewer_id     bigint       NOT NULL REFERENCES reviewer (id),
    previous_status varchar(16)  NOT NULL,
    status          varchar(16)  NOT NULL,
    rationale       text         NOT NULL DEFAULT '',
    claim_version   bigint       NOT NULL,
    decided_at      timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT review_status_check CHECK (status IN ('verified', 'disputed', 'unverified')),
    CONSTRAINT review_previous_status_check CHECK (previous_status IN ('verified', 'disputed', 'unverified')),
    CONSTRAINT review_rationale_check CHECK (status = 'unverified' OR btrim(rationale) <> '')
);

-- One decision per claim version: a second decision from the same version cannot be stored, even by raw SQL.
CREATE UNIQUE INDEX review_claim_version_key ON review (claim_id, claim_version);
CREATE INDEX review_decided_idx ON review (decided_at DESC, id DESC);

-- What a decision rests on.
CREATE TABLE evidence (
    id        bigint        PRIMARY KEY,
    review_id bigint        NOT NULL REFERENCES review (id),
    position  integer       NOT NULL,
    url       varchar(2000) NOT NULL,
    title     varchar(500)  NOT NULL,
    stance    varchar(16)   NOT NULL,
    note      text          NOT NULL DEFAULT '',
    CONSTRAINT evidence_url_check CHECK (url ~* '^https?://[^\s]+$'),
    CONSTRAINT evidence_title_check CHECK (btrim(title) <> ''),
    CONSTRAINT evidence_stance_check CHECK (stance IN ('supports', 'refutes', 'context')),
    CONSTRAINT evidence_position_key UNIQUE (review_id, position)
);

-- Every edit of a claim's fields: who, when, and each field's old and new value.
CREATE TABLE claim_edit (
    id          bigint      PRIMARY KEY,
    claim_id    bigint      NOT NULL REFERENCES claim (id),
    reviewer_id bigint      NOT NULL REFERENCES reviewer (id),
    edited_at   timestamptz NOT NULL DEFAULT now(),
    changes     jsonb       NOT NULL,
    CONSTRAINT claim_edit_changes_check CHECK (jsonb_typeof(changes) = 'array' AND jsonb_array_length(changes) > 0)
);

CREATE INDEX claim_edit_claim_idx ON claim_edit (claim_id, edited_at);

-- The record of decisions and edits is history: the application may add to it, never rewrite it.
CREATE FUNCTION refuse_history_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'history is append-only: % on % is not allowed', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER review_append_only BEFORE UPDATE OR DELETE ON review
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER review_no_truncate BEFORE TRUNCATE ON review
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER evidence_append_only BEFORE UPDATE OR DELETE ON evidence
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER evidence_no_truncate BEFORE TRUNCATE ON evidence
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER claim_edit_append_only BEFORE UPDATE OR DELETE ON claim_edit
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER claim_edit_no_truncate BEFORE TRUNCATE ON claim_edit
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();

-- Two claims a reviewer judged to be the same claim, or to contradict each other. Stored once, low id first.
CREATE TABLE claim_link (
    id         bigint      PRIMARY KEY,
    claim_id   bigint      NOT NULL REFERENCES claim (id),
    other_id   bigint      NOT NULL REFERENCES claim (id),
    kind       varchar(16) NOT NULL,
    note       text        NOT NULL DEFAULT '',
    created_by bigint      REFERENCES reviewer (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT claim_link_kind_check CHECK (kind IN ('same_claim', 'contradicts')),
    CONSTRAINT claim_link_order_check CHECK (claim_id < other_id),
    CONSTRAINT claim_link_pair_key UNIQUE (claim_id, other_id)
);

CREATE INDEX claim_link_other_idx ON claim_link (other_id);
