-- Accounts of the people who use the desk. "user" is reserved in PostgreSQL, hence "reviewer".
CREATE SEQUENCE reviewer_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE reviewer (
    id            bigint       PRIMARY KEY,
    username      varchar(64)  NOT NULL,
    password_hash varchar(100) NOT NULL,
    role          varchar(16)  NOT NULL,
    active        boolean      NOT NULL DEFAULT true,
    created_at    timestamptz  NOT NULL DEFAULT now(),
    updated_at    timestamptz  NOT NULL DEFAULT now(),
    version       bigint       NOT NULL DEFAULT 0,
    CONSTRAINT reviewer_role_check CHECK (role IN ('admin', 'reviewer', 'viewer')),
    CONSTRAINT reviewer_username_check CHECK (username ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
    CONSTRAINT reviewer_password_bcrypt_check CHECK (password_hash LIKE '$2%')
);

CREATE UNIQUE INDEX reviewer_username_key ON reviewer (username);

-- Failed logins, kept in the database so that every app instance throttles the same way.
CREATE TABLE login_failure (
    id        bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username  varchar(64) NOT NULL,
    address   varchar(64) NOT NULL,
    failed_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX login_failure_username_idx ON login_failure (username, failed_at);
CREATE INDEX login_failure_address_idx ON login_failure (address, failed_at);
