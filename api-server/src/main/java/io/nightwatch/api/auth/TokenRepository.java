package io.nightwatch.api.auth;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Stores API tokens (only their SHA-256) in {@code api_tokens}. */
public final class TokenRepository {

    private final Jdbi jdbi;

    public TokenRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Inserts a token, or replaces the hash and role of the token with the same name. */
    public void upsert(String name, Role role, String tokenHash) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO api_tokens (name, role, token_hash) VALUES (:name, :role, :hash)
                        ON CONFLICT (name) DO UPDATE SET role = EXCLUDED.role, token_hash = EXCLUDED.token_hash,
                            created_at = now(), revoked_at = NULL, last_used_at = NULL
                        """)
                .bind("name", name).bind("role", role.label()).bind("hash", tokenHash).execute());
    }

    /** The caller owning an unrevoked token with this hash. */
    public Optional<Caller> findActive(String tokenHash) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT id, name, role FROM api_tokens WHERE token_hash = :hash AND revoked_at IS NULL")
                .bind("hash", tokenHash)
                .map((rs, ctx) -> new Caller(rs.getLong("id"), rs.getString("name"), Role.parse(rs.getString("role"))))
                .findOne());
    }

    /** Records that a token was used (at most about once a minute per token, to keep writes rare). */
    public void touch(long tokenId) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE api_tokens SET last_used_at = now()
                        WHERE id = :id AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')
                        """).bind("id", tokenId).execute());
    }

    /** Every token's name, role and dates (never the hash), newest first. */
    public List<TokenInfo> list() {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT name, role, created_at, last_used_at, revoked_at FROM api_tokens ORDER BY created_at DESC, name")
                .map((rs, ctx) -> new TokenInfo(rs.getString("name"), Role.parse(rs.getString("role")).label(),
                        instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("last_used_at")),
                        instant(rs.getTimestamp("revoked_at"))))
                .list());
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    /** Revokes the token with this name; returns whether one was revoked. */
    public boolean revoke(String name) {
        return jdbi.withHandle(h -> h.createUpdate(
                        "UPDATE api_tokens SET revoked_at = now() WHERE name = :name AND revoked_at IS NULL")
                .bind("name", name).execute()) > 0;
    }
}
