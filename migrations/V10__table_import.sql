-- Imports of claims from CSV and TSV files. The uploaded file is kept in the database, so that any instance that
-- shares it can show the preview, run the import and report its progress; a person's browser may ask another
-- instance each time it refreshes.
CREATE TABLE table_import (
    id              bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    file_name       varchar(300) NOT NULL,
    content         bytea        NOT NULL,
    sha256          varchar(64)  NOT NULL,
    format          varchar(3)   NOT NULL,
    has_header      boolean      NOT NULL DEFAULT false,
    -- the field each column fills, in column order ('' for none); set when the import starts
    mapping         text[]       NOT NULL DEFAULT '{}',
    mode            varchar(16)  NOT NULL DEFAULT 'skip_invalid',
    source_kind     varchar(32)  NOT NULL DEFAULT 'person',
    state           varchar(16)  NOT NULL DEFAULT 'uploaded',
    total_lines     integer      NOT NULL DEFAULT 0,
    checked_lines   integer      NOT NULL DEFAULT 0,
    stored_lines    integer      NOT NULL DEFAULT 0,
    imported        integer      NOT NULL DEFAULT 0,
    duplicates      integer      NOT NULL DEFAULT 0,
    rejected        integer      NOT NULL DEFAULT 0,
    sources_created integer      NOT NULL DEFAULT 0,
    message         text         NOT NULL DEFAULT '',
    created_by      bigint       NOT NULL REFERENCES reviewer (id),
    created_at      timestamptz  NOT NULL DEFAULT now(),
    started_at      timestamptz,
    finished_at     timestamptz,
    CONSTRAINT table_import_format_check CHECK (format IN ('csv', 'tsv')),
    CONSTRAINT table_import_mode_check CHECK (mode IN ('all_or_nothing', 'skip_invalid')),
    CONSTRAINT table_import_state_check CHECK (state IN ('uploaded', 'running', 'done', 'failed')),
    CONSTRAINT table_import_kind_check CHECK (source_kind IN ('state_media', 'government', 'intelligence_agency',
        'military', 'news_outlet', 'person', 'analysts', 'ngo', 'company', 'other'))
);

CREATE INDEX table_import_created_idx ON table_import (created_at DESC, id DESC);

-- What became of each line that was not imported: refused with a reason, or skipped as a claim already stored.
CREATE TABLE table_import_line (
    import_id bigint      NOT NULL REFERENCES table_import (id),
    line      integer     NOT NULL,
    outcome   varchar(16) NOT NULL,
    reason    text        NOT NULL,
    PRIMARY KEY (import_id, line),
    CONSTRAINT table_import_line_outcome_check CHECK (outcome IN ('rejected', 'duplicate'))
);

-- A claim already stored is found by its source and its exact statement, so that importing a file again adds nothing.
CREATE INDEX claim_source_statement_idx ON claim (source_id, md5(statement));
