package org.hearth.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hearth.platform.AuditEntry;
import org.hearth.platform.AuditEntry.Outcome;
import org.hearth.platform.AuditLog;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Members granting and withdrawing staff access to their data. */
@Service
class ConsentGrants implements Consents {

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Clock clock;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    ConsentGrants(JdbcClient jdbc, Accounts accounts, Clock clock, AuditLog audit, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.clock = clock;
        this.audit = audit;
        this.events = events;
    }

    record Grant(
            UUID consentId,
            UUID granteeId,
            Set<ConsentScope> scopes,
            Instant grantedAt,
            @Nullable Instant revokedAt) {}

    @Override
    public Optional<UUID> activeConsent(UUID memberId, UUID granteeId, ConsentScope scope) {
        return jdbc.sql("select id from identity_consents where member_id = :m and grantee_id = :g"
                        + " and revoked_at is null and :scope = any(scopes) order by granted_at desc limit 1")
                .param("m", memberId)
                .param("g", granteeId)
                .param("scope", scope.name())
                .query(UUID.class)
                .optional();
    }

    /** Grants consent to a staff member of the member's own organization. */
    @Transactional
    Grant grant(
            Caller member,
            @Nullable UUID granteeId,
            @Nullable Set<ConsentScope> scopes,
            @Nullable String sourceAddress) {
        UUID memberId = member.requireUserId();
        if (granteeId == null) {
            throw IdentityException.invalid(Map.of("granteeId", "Choose whom to share with."));
        }
        if (scopes == null || scopes.isEmpty()) {
            throw IdentityException.invalid(Map.of("scopes", "Choose at least one kind of data to share."));
        }
        boolean staffHere = accounts.find(granteeId)
                .filter(a -> a.organizationId().equals(member.organizationId()))
                .filter(a -> a.roles().stream().anyMatch(Role::isStaff))
                .isPresent();
        if (!staffHere || granteeId.equals(memberId)) {
            throw IdentityException.invalid(Map.of("granteeId", "This person is not on your organization's staff."));
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        Set<ConsentScope> granted = EnumSet.copyOf(scopes);
        jdbc.sql("insert into identity_consents (id, organization_id, member_id, grantee_id, scopes, granted_at)"
                        + " values (:id, :org, :m, :g, :scopes, :at)")
                .param("id", id)
                .param("org", member.organizationId())
                .param("m", memberId)
                .param("g", granteeId)
                .param("scopes", granted.stream().map(Enum::name).toArray(String[]::new))
                .param("at", Timestamp.from(now))
                .update();
        events.publishEvent(new ConsentGranted(id, memberId, granteeId, granted, now));
        audit.record(AuditEntry.of(
                        "identity.consent.granted", memberId, member.organizationId(), "consent:" + id, Outcome.SUCCESS)
                .from(sourceAddress)
                .with("granteeId", granteeId.toString())
                .with(
                        "scopes",
                        String.join(",", granted.stream().map(Enum::name).toList())));
        return new Grant(id, granteeId, granted, now, null);
    }

    /** Revokes one of the member's own consents; 404 for anyone else's, so ids cannot be probed. */
    @Transactional
    void revoke(Caller member, UUID consentId, @Nullable String sourceAddress) {
        UUID memberId = member.requireUserId();
        Instant now = clock.instant();
        Optional<UUID> grantee = jdbc.sql("update identity_consents set revoked_at = :at"
                        + " where id = :id and member_id = :m and revoked_at is null returning grantee_id")
                .param("at", Timestamp.from(now))
                .param("id", consentId)
                .param("m", memberId)
                .query(UUID.class)
                .optional();
        if (grantee.isEmpty()) {
            boolean ownedAndRevoked = jdbc.sql(
                            "select exists(select 1 from identity_consents where id = :id and member_id = :m)")
                    .param("id", consentId)
                    .param("m", memberId)
                    .query(Boolean.class)
                    .single();
            if (ownedAndRevoked) {
                return;
            }
            throw IdentityException.notFound("No such consent.");
        }
        events.publishEvent(new ConsentRevoked(consentId, memberId, grantee.get(), now));
        audit.record(AuditEntry.of(
                        "identity.consent.revoked",
                        memberId,
                        member.organizationId(),
                        "consent:" + consentId,
                        Outcome.SUCCESS)
                .from(sourceAddress)
                .with("granteeId", grantee.get().toString()));
    }

    @Override
    public List<ConsentRecord> grantedBy(UUID memberId) {
        return grantsOf(memberId).stream()
                .map(g -> new ConsentRecord(g.consentId(), g.granteeId(), g.scopes(), g.grantedAt(), g.revokedAt()))
                .toList();
    }

    List<Grant> grantsOf(UUID memberId) {
        return jdbc.sql("select id, grantee_id, scopes, granted_at, revoked_at from identity_consents"
                        + " where member_id = :m order by granted_at desc, id")
                .param("m", memberId)
                .query((rs, n) -> {
                    Set<ConsentScope> scopes = EnumSet.noneOf(ConsentScope.class);
                    Arrays.stream((String[]) rs.getArray("scopes").getArray())
                            .map(ConsentScope::valueOf)
                            .forEach(scopes::add);
                    Timestamp revoked = rs.getTimestamp("revoked_at");
                    return new Grant(
                            rs.getObject("id", UUID.class),
                            rs.getObject("grantee_id", UUID.class),
                            scopes,
                            rs.getTimestamp("granted_at").toInstant(),
                            revoked == null ? null : revoked.toInstant());
                })
                .list();
    }
}
