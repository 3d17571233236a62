package org.hearth.assessment;

import java.util.Optional;
import java.util.UUID;
import org.hearth.identity.Caller;
import org.hearth.identity.ConsentScope;
import org.hearth.identity.Consents;
import org.hearth.identity.Role;
import org.hearth.platform.AuditEntry;
import org.hearth.platform.AuditLog;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The gate in front of every staff read of a member's assessment data. Consent is asked for at the
 * moment of reading, so a revocation takes effect on the next request, and every attempt, allowed or
 * not, leaves an audit line carrying the consent it relied on.
 */
@Component
class StaffReads {

    static final String ACTION = "assessment.responses.read";

    private final Consents consents;
    private final AuditLog audit;

    StaffReads(Consents consents, AuditLog audit) {
        this.consents = consents;
        this.audit = audit;
    }

    /**
     * Lets a clinician read {@code memberId}'s assessments only under an active consent, and records
     * the attempt.
     *
     * @param notFound what the refusal says: the same words the caller's endpoint uses for a missing
     *     resource, so the answer cannot tell a member who said no from one who does not exist
     * @throws AssessmentController.NotFoundException without consent
     */
    void require(Caller staff, UUID memberId, @Nullable String sourceAddress, String notFound) {
        UUID staffId = staff.requireUserId();
        Optional<UUID> consent = staff.has(Role.CLINICIAN)
                ? consents.activeConsent(memberId, staffId, ConsentScope.ASSESSMENTS)
                : Optional.empty();
        AuditEntry entry = AuditEntry.of(
                        ACTION,
                        staffId,
                        staff.organizationId(),
                        "member:" + memberId,
                        consent.isPresent() ? AuditEntry.Outcome.SUCCESS : AuditEntry.Outcome.DENIED)
                .from(sourceAddress);
        if (consent.isEmpty()) {
            audit.record(entry.with("reason", "no-consent"));
            throw new AssessmentController.NotFoundException(notFound);
        }
        audit.record(entry.with("consentId", consent.get().toString()));
    }
}
