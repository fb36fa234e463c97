-- jwt-auth-spring-boot token store, H2. ${prefix} is jwt.store.jdbc.table-prefix.
-- Times are epoch milliseconds (UTC), so that no driver or session time zone can shift them.
CREATE TABLE IF NOT EXISTS ${prefix}refresh_token (
    token_hash       VARCHAR(64)  NOT NULL PRIMARY KEY,
    family_id        VARCHAR(64)  NOT NULL,
    subject          VARCHAR(255) NOT NULL,
    family_issued_at BIGINT       NOT NULL,
    expires_at       BIGINT       NOT NULL,
    consumed_at      BIGINT
);
CREATE INDEX IF NOT EXISTS ${prefix}refresh_token_expires_at ON ${prefix}refresh_token (expires_at);
CREATE TABLE IF NOT EXISTS ${prefix}revocation (
    revocation_key   VARCHAR(300) NOT NULL PRIMARY KEY,
    not_before       BIGINT       NOT NULL,
    expires_at       BIGINT       NOT NULL
);
CREATE INDEX IF NOT EXISTS ${prefix}revocation_expires_at ON ${prefix}revocation (expires_at);
