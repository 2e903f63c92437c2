-- An article being imported: its cleaned text and the candidate claims the extractor proposed, with the reviewer's
-- decisions and edits so far. Nothing in it is part of the desk until it is saved; saving creates the article,
-- sources and claims and deletes the draft in one transaction. Only its author sees it.
CREATE SEQUENCE article_draft_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE article_draft (
    id           bigint        PRIMARY KEY,
    owner_id     bigint        NOT NULL REFERENCES reviewer (id) ON DELETE CASCADE,
    title        varchar(500)  NOT NULL,
    publisher    varchar(200),
    url          varchar(2000),
    published_on date,
    body         text          NOT NULL,
    boilerplate_removed boolean NOT NULL DEFAULT false,
    candidates   jsonb         NOT NULL DEFAULT '[]',
    created_at   timestamptz   NOT NULL DEFAULT now(),
    updated_at   timestamptz   NOT NULL DEFAULT now(),
    version      bigint        NOT NULL DEFAULT 0,
    CONSTRAINT article_draft_title_check CHECK (btrim(title) <> ''),
    CONSTRAINT article_draft_body_check CHECK (body <> ''),
    CONSTRAINT article_draft_candidates_check CHECK (jsonb_typeof(candidates) = 'array')
);

CREATE INDEX article_draft_owner_idx ON article_draft (owner_id, created_at);
