package org.hearth.journal;

import java.util.Optional;
import java.util.UUID;
import org.hearth.identity.Caller;
import org.hearth.identity.ConsentScope;
import org.hearth.identity.Consents;
import org.hearth.platform.AuditEntry;
import org.hearth.platform.AuditLog;
import org.hearth.platform.DataProtection;
import org.hearth.platform.Problems;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The gate in front of every read of journal content. The member reads their own; staff read only
 * under the member's live consent for the scope, asked at the moment of reading, and every staff
 * attempt leaves an audit line with the consent it relied on. A refusal answers exactly like a
 * missing resource, so it reveals nothing. A private journal is closed to staff whatever the consent
 * says: the member chose that no one else reads it.
 */
@Component
class ContentReads {

    private final Consents consents;
    private final AuditLog audit;
    private final DataProtection protection;

    ContentReads(Consents consents, AuditLog audit, DataProtection protection) {
        this.consents = consents;
        this.audit = audit;
        this.protection = protection;
    }

    /**
     * @param what the audit action's subject, e.g. {@code thread} or {@code entries}
     * @param target the audit target, e.g. {@code thread:<id>}
     * @param notFound the words of the endpoint's own 404
     */
    void require(
            Caller reader,
            UUID memberId,
            ConsentScope scope,
            String what,
            String target,
            @Nullable String sourceAddress,
            String notFound) {
        if (memberId.equals(reader.userId())) {
            return;
        }
        if (reader.userId() == null || !reader.isStaff()) {
            throw Problems.notFound(notFound);
        }
        UUID staffId = reader.requireUserId();
        Optional<UUID> consent = consents.activeConsent(memberId, staffId, scope);
        // Mood numbers are derived signals, not the member's words: the caller leaves out the notes.
        boolean closed = consent.isPresent() && scope != ConsentScope.MOOD && protection.isPrivate(memberId);
        AuditEntry entry = AuditEntry.of(
                        "journal." + what + ".read",
                        staffId,
                        reader.organizationId(),
                        target,
                        consent.isPresent() && !closed ? AuditEntry.Outcome.SUCCESS : AuditEntry.Outcome.DENIED)
                .from(sourceAddress)
                .with("memberId", memberId.toString())
                .with("scope", scope.name());
        if (consent.isEmpty()) {
            audit.record(entry.with("reason", "no-consent"));
            throw Problems.notFound(notFound);
        }
        entry = entry.with("consentId", consent.get().toString());
        if (closed) {
            audit.record(entry.with("reason", "private-journal"));
            throw Problems.notFound(notFound);
        }
        audit.record(entry);
    }
}
