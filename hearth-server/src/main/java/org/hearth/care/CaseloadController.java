package org.hearth.care;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hearth.identity.Caller;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@PreAuthorize("hasRole('CLINICIAN')")
class CaseloadController {

    private final Caseload caseload;

    CaseloadController(Caseload caseload) {
        this.caseload = caseload;
    }

    record NextAppointment(UUID appointmentId, Instant start, Instant end) {}

    record Row(
            UUID memberId,
            String displayName,
            boolean assessmentsShared,
            @Nullable List<Caseload.Score> scores,
            boolean deteriorating,
            int openIncidents,
            @Nullable Instant lastActivity,
            @Nullable NextAppointment nextAppointment) {}

    /** The clinician's members, most in need first; scores only where consent allows right now. */
    @GetMapping("/api/v1/caseload")
    List<Row> caseload(@AuthenticationPrincipal Caller caller, HttpServletRequest request) {
        return caseload.read(caller, request.getRemoteAddr()).stream()
                .map(member -> new Row(
                        member.memberId(),
                        member.displayName(),
                        member.assessmentsShared(),
                        member.assessmentsShared() ? member.scores() : null,
                        member.deteriorating(),
                        member.openIncidents(),
                        member.lastActivity(),
                        member.nextAppointment() == null
                                ? null
                                : new NextAppointment(
                                        member.nextAppointment().id(),
                                        member.nextAppointment().start(),
                                        member.nextAppointment().end())))
                .toList();
    }
}
