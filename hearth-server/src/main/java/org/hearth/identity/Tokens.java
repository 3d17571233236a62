package org.hearth.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.hearth.platform.AuditEntry;
import org.hearth.platform.AuditEntry.Outcome;
import org.hearth.platform.AuditLog;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opaque access and refresh tokens (see docs/adr/0003-tokens.md). Only SHA-256 hashes are stored.
 * Each sign-in starts a family; refreshing rotates the refresh token within it, and presenting a
 * refresh token that was already rotated means it was copied, so the whole family dies.
 */
@Service
class Tokens {

    static final String ACCESS_PREFIX = "hat_";
    static final String REFRESH_PREFIX = "hrt_";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final IdentityProperties properties;
    private final AuditLog audit;

    Tokens(JdbcClient jdbc, Clock clock, IdentityProperties properties, AuditLog audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.audit = audit;
    }

    record Pair(String accessToken, String refreshToken, long expiresIn) {}

    /** A bearer access token resolved to its principal and the family it belongs to. */
    record Resolved(Caller caller, UUID familyId) {}

    /** Starts a new family for a fresh sign-in. */
    @Transactional
    Pair issue(UUID userId) {
        UUID family = UUID.randomUUID();
        jdbc.sql("insert into identity_token_families (id, user_id, created_at) values (:id, :u, :at)")
                .param("id", family)
                .param("u", userId)
                .param("at", Timestamp.from(clock.instant()))
                .update();
        return pairIn(family);
    }

    /**
     * Exchanges a refresh token for a new pair. A token rotated before revokes its family.
     *
     * @throws IdentityException 401 when the token is unknown, expired, revoked or reused
     */
    @Transactional(noRollbackFor = IdentityException.class)
    Pair refresh(@Nullable String refreshToken, @Nullable String sourceAddress) {
        if (refreshToken == null || !refreshToken.startsWith(REFRESH_PREFIX)) {
            throw IdentityException.invalidToken();
        }
        Instant now = clock.instant();
        record Row(UUID familyId, UUID userId, Instant expiresAt, boolean rotated, boolean revoked) {}
        Optional<Row> row = jdbc.sql("select r.family_id, f.user_id, r.expires_at, r.rotated_at is not null as rotated,"
                        + " f.revoked_at is not null as revoked"
                        + " from identity_refresh_tokens r join identity_token_families f on f.id = r.family_id"
                        + " where r.token_hash = :h for update of r")
                .param("h", Secrets.hash(refreshToken))
                .query((rs, n) -> new Row(
                        rs.getObject("family_id", UUID.class),
                        rs.getObject("user_id", UUID.class),
                        rs.getTimestamp("expires_at").toInstant(),
                        rs.getBoolean("rotated"),
                        rs.getBoolean("revoked")))
                .optional();
        if (row.isEmpty()) {
            throw IdentityException.invalidToken();
        }
        Row token = row.get();
        if (token.rotated()) {
            // Committed although the call fails: noRollbackFor keeps the revocation.
            revokeFamily(token.familyId(), "refresh-token-reused");
            audit.record(AuditEntry.of(
                            "identity.token.reuse",
                            token.userId(),
                            null,
                            "token-family:" + token.familyId(),
                            Outcome.DENIED)
                    .from(sourceAddress));
            throw IdentityException.invalidToken();
        }
        if (token.revoked() || !token.expiresAt().isAfter(now)) {
            throw IdentityException.invalidToken();
        }
        jdbc.sql("update identity_refresh_tokens set rotated_at = :at where token_hash = :h")
                .param("at", Timestamp.from(now))
                .param("h", Secrets.hash(refreshToken))
                .update();
        return pairIn(token.familyId());
    }

    /** Resolves a bearer access token that is known, unexpired and in a live family. */
    Optional<Resolved> resolve(String accessToken) {
        if (!accessToken.startsWith(ACCESS_PREFIX)) {
            return Optional.empty();
        }
        return jdbc.sql("select u.id, m.organization_id, m.roles, a.family_id"
                        + " from identity_access_tokens a"
                        + " join identity_token_families f on f.id = a.family_id"
                        + " join identity_users u on u.id = f.user_id"
                        + " join identity_memberships m on m.user_id = u.id"
                        + " where a.token_hash = :h and a.expires_at > :now and f.revoked_at is null"
                        + " and u.erased_at is null")
                .param("h", Secrets.hash(accessToken))
                .param("now", Timestamp.from(clock.instant()))
                .query((rs, n) -> new Resolved(
                        Caller.person(
                                rs.getObject("id", UUID.class),
                                rs.getObject("organization_id", UUID.class),
                                Users.roles(rs.getArray("roles"))),
                        rs.getObject("family_id", UUID.class)))
                .optional();
    }

    /** Ends a family: its refresh tokens stop working and so do its access tokens. */
    @Transactional
    void revokeFamily(UUID familyId, String reason) {
        jdbc.sql("update identity_token_families set revoked_at = :at, revoked_because = :why"
                        + " where id = :id and revoked_at is null")
                .param("at", Timestamp.from(clock.instant()))
                .param("why", reason)
                .param("id", familyId)
                .update();
    }

    /** Ends every sign-in of the person, on every device. */
    @Transactional
    void revokeAll(UUID userId, String reason) {
        jdbc.sql("update identity_token_families set revoked_at = :at, revoked_because = :why"
                        + " where user_id = :u and revoked_at is null")
                .param("at", Timestamp.from(clock.instant()))
                .param("why", reason)
                .param("u", userId)
                .update();
    }

    /**
     * Deletes expired access and refresh tokens and the families left empty. Rotated refresh tokens
     * stay until they expire, because reuse is detected by finding them.
     */
    @Transactional
    int deleteExpired() {
        Timestamp now = Timestamp.from(clock.instant());
        int removed = jdbc.sql("delete from identity_access_tokens where expires_at <= :now")
                .param("now", now)
                .update();
        removed += jdbc.sql("delete from identity_refresh_tokens where expires_at <= :now")
                .param("now", now)
                .update();
        jdbc.sql("delete from identity_token_families f where not exists"
                        + " (select 1 from identity_refresh_tokens r where r.family_id = f.id)"
                        + " and not exists (select 1 from identity_access_tokens a where a.family_id = f.id)")
                .update();
        return removed;
    }

    private Pair pairIn(UUID family) {
        Instant now = clock.instant();
        String access = Secrets.generate(ACCESS_PREFIX);
        String refresh = Secrets.generate(REFRESH_PREFIX);
        jdbc.sql("insert into identity_access_tokens (token_hash, family_id, expires_at) values (:h, :f, :exp)")
                .param("h", Secrets.hash(access))
                .param("f", family)
                .param("exp", Timestamp.from(now.plus(properties.accessTtl())))
                .update();
        jdbc.sql("insert into identity_refresh_tokens (token_hash, family_id, issued_at, expires_at)"
                        + " values (:h, :f, :at, :exp)")
                .param("h", Secrets.hash(refresh))
                .param("f", family)
                .param("at", Timestamp.from(now))
                .param("exp", Timestamp.from(now.plus(properties.refreshTtl())))
                .update();
        return new Pair(access, refresh, properties.accessTtl().toSeconds());
    }
}
