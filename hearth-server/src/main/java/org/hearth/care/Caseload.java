package org.hearth.care;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hearth.assessment.Assessments;
import org.hearth.identity.Account;
import org.hearth.identity.Accounts;
import org.hearth.identity.Caller;
import org.hearth.identity.ConsentScope;
import org.hearth.identity.Consents;
import org.hearth.identity.Role;
import org.hearth.platform.AuditEntry;
import org.hearth.platform.AuditLog;
import org.hearth.platform.Problems;
import org.hearth.safety.OpenIncidents;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * A clinician's caseload for measurement-based care. Assessment scores, trends and reliable change
 * appear only for members whose ASSESSMENTS consent to this clinician is in force at the moment of
 * reading; every member row read is an audit entry carrying the consent it relied on (or saying
 * there was none). The count of unresolved incidents is shown for every member on the caseload,
 * consent or not: it is a safety flag without content, and a clinician who does not know their
 * member is in crisis cannot help. Sorted by need: unresolved incidents first, then reliable
 * deterioration, then the next session.
 */
@Service
public class Caseload {

    static final String ACTION = "care.caseload.read";
    /** The instruments the dashboard follows; the history endpoint has the rest. */
    static final List<String> INSTRUMENTS = List.of("phq-9", "gad-7");

    private final CaseloadMembers members;
    private final Accounts accounts;
    private final Consents consents;
    private final Assessments assessments;
    private final OpenIncidents incidents;
    private final Appointments appointments;
    private final AuditLog audit;

    Caseload(
            CaseloadMembers members,
            Accounts accounts,
            Consents consents,
            Assessments assessments,
            OpenIncidents incidents,
            Appointments appointments,
            AuditLog audit) {
        this.members = members;
        this.accounts = accounts;
        this.consents = consents;
        this.assessments = assessments;
        this.incidents = incidents;
        this.appointments = appointments;
        this.audit = audit;
    }

    /** One instrument's latest score and its course, for a member who shares assessments. */
    public record Score(
            String instrumentId,
            int latest,
            String severity,
            Instant completedAt,
            @Nullable Integer change,
            @Nullable Boolean reliableImprovement,
            @Nullable Boolean reliableDeterioration,
            List<Integer> trend) {}

    /**
     * One member on the caseload.
     *
     * @param assessmentsShared whether an ASSESSMENTS consent was in force when this was read;
     *     {@code scores} is empty otherwise
     * @param lastActivity the latest of a shared assessment and a past session, when there is one
     */
    public record Member(
            UUID memberId,
            String displayName,
            boolean assessmentsShared,
            List<Score> scores,
            boolean deteriorating,
            int openIncidents,
            @Nullable Instant lastActivity,
            @Nullable Appointment nextAppointment) {}

    public List<Member> read(Caller caller, @Nullable String sourceAddress) {
        if (!caller.has(Role.CLINICIAN)) {
            throw Problems.forbidden("role-required", "The caseload is for clinicians.");
        }
        UUID clinicianId = caller.requireUserId();
        List<UUID> ids = members.of(clinicianId, caller.organizationId());
        Map<UUID, Integer> open = incidents.unresolvedByMember(caller.organizationId(), ids);
        List<Member> rows = new ArrayList<>();
        for (UUID memberId : ids) {
            Optional<Account> account = accounts.find(memberId)
                    .filter(found -> found.organizationId().equals(caller.organizationId()));
            if (account.isEmpty()) {
                continue;
            }
            Optional<UUID> consent = consents.activeConsent(memberId, clinicianId, ConsentScope.ASSESSMENTS);
            AuditEntry entry = AuditEntry.of(
                            ACTION,
                            clinicianId,
                            caller.organizationId(),
                            "member:" + memberId,
                            consent.isPresent() ? AuditEntry.Outcome.SUCCESS : AuditEntry.Outcome.DENIED)
                    .from(sourceAddress)
                    .with("scope", ConsentScope.ASSESSMENTS.name());
            audit.record(consent.map(id -> entry.with("consentId", id.toString()))
                    .orElseGet(() -> entry.with("reason", "no-consent")));
            List<Score> scores = consent.isPresent() ? scores(memberId) : List.of();
            Instant last = appointments
                    .last(clinicianId, memberId)
                    .map(Appointment::start)
                    .orElse(null);
            for (Score score : scores) {
                if (last == null || score.completedAt().isAfter(last)) {
                    last = score.completedAt();
                }
            }
            rows.add(new Member(
                    memberId,
                    account.get().displayName(),
                    consent.isPresent(),
                    scores,
                    scores.stream().anyMatch(score -> Boolean.TRUE.equals(score.reliableDeterioration())),
                    open.getOrDefault(memberId, 0),
                    last,
                    appointments.next(clinicianId, memberId).orElse(null)));
        }
        rows.sort(Comparator.comparingInt(Member::openIncidents)
                .reversed()
                .thenComparing(Member::deteriorating, Comparator.reverseOrder())
                .thenComparing(member -> member.nextAppointment() == null
                        ? Instant.MAX
                        : member.nextAppointment().start())
                .thenComparing(Member::displayName));
        return rows;
    }

    private List<Score> scores(UUID memberId) {
        List<Score> scores = new ArrayList<>();
        for (String instrument : INSTRUMENTS) {
            Assessments.History history = assessments.history(memberId, instrument);
            if (history.latest() == null) {
                continue;
            }
            List<Integer> trend =
                    history.responses().stream().map(Assessments.Point::score).toList();
            scores.add(new Score(
                    instrument,
                    history.latest().score(),
                    history.latest().severity(),
                    history.latest().completedAt(),
                    history.change(),
                    history.reliableImprovement(),
                    history.reliableDeterioration(),
                    trend.subList(Math.max(0, trend.size() - 12), trend.size())));
        }
        return scores;
    }
}
