package org.hearth.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hearth.platform.AuditEntry;
import org.hearth.platform.AuditEntry.Outcome;
import org.hearth.platform.AuditLog;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Keys for server-to-server calls on behalf of an organization. The key is shown once, stored hashed. */
@Service
class ApiKeys {

    static final String PREFIX = "hk_";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog audit;

    ApiKeys(JdbcClient jdbc, Clock clock, AuditLog audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    record Created(UUID apiKeyId, String key) {}

    record Listed(
            UUID apiKeyId,
            String name,
            Instant createdAt,
            @Nullable Instant revokedAt) {}

    @Transactional
    Created create(Caller admin, @Nullable String name, @Nullable String sourceAddress) {
        String label = name == null ? "" : name.strip();
        if (label.isEmpty() || label.length() > 100) {
            throw IdentityException.invalid(Map.of("name", "Give the key a name of at most 100 characters."));
        }
        UUID id = UUID.randomUUID();
        String key = Secrets.generate(PREFIX);
        jdbc.sql("insert into identity_api_keys (id, organization_id, name, key_hash, created_by, created_at)"
                        + " values (:id, :org, :name, :h, :by, :at)")
                .param("id", id)
                .param("org", admin.organizationId())
                .param("name", label)
                .param("h", Secrets.hash(key))
                .param("by", admin.userId())
                .param("at", Timestamp.from(clock.instant()))
                .update();
        audit.record(AuditEntry.of(
                        "identity.api-key.created",
                        admin.userId(),
                        admin.organizationId(),
                        "api-key:" + id,
                        Outcome.SUCCESS)
                .from(sourceAddress));
        return new Created(id, key);
    }

    List<Listed> list(UUID organizationId) {
        return jdbc.sql("select id, name, created_at, revoked_at from identity_api_keys"
                        + " where organization_id = :org order by created_at desc, id")
                .param("org", organizationId)
                .query((rs, n) -> new Listed(
                        rs.getObject("id", UUID.class),
                        rs.getString("name"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("revoked_at") == null
                                ? null
                                : rs.getTimestamp("revoked_at").toInstant()))
                .list();
    }

    /** Revokes a key of the admin's organization; 404 for a key of another organization. */
    @Transactional
    void revoke(Caller admin, UUID apiKeyId, @Nullable String sourceAddress) {
        int found = jdbc.sql("update identity_api_keys set revoked_at = coalesce(revoked_at, :at)"
                        + " where id = :id and organization_id = :org")
                .param("at", Timestamp.from(clock.instant()))
                .param("id", apiKeyId)
                .param("org", admin.organizationId())
                .update();
        if (found == 0) {
            throw IdentityException.notFound("No such API key.");
        }
        audit.record(AuditEntry.of(
                        "identity.api-key.revoked",
                        admin.userId(),
                        admin.organizationId(),
                        "api-key:" + apiKeyId,
                        Outcome.SUCCESS)
                .from(sourceAddress));
    }

    /** The caller for a presented key, if it exists and is not revoked. */
    Optional<Caller> resolve(String key) {
        if (!key.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return jdbc.sql("select id, organization_id from identity_api_keys where key_hash = :h and revoked_at is null")
                .param("h", Secrets.hash(key))
                .query((rs, n) ->
                        Caller.apiKey(rs.getObject("id", UUID.class), rs.getObject("organization_id", UUID.class)))
                .optional();
    }
}
