package org.hearth.safety;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hearth.identity.Caller;
import org.hearth.nlp.risk.RiskCategory;
import org.hearth.nlp.risk.RiskLevel;
import org.hearth.nlp.risk.RiskSignal;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The responder's incident queue over the API, always scoped to the caller's organization. */
@RestController
@RequestMapping("/api/v1/safety/incidents")
class IncidentApi {

    private final Incidents incidents;
    private final IncidentDesk desk;

    IncidentApi(Incidents incidents, IncidentDesk desk) {
        this.incidents = incidents;
        this.desk = desk;
    }

    record IncidentView(
            UUID id,
            RiskLevel level,
            List<RiskCategory> categories,
            IncidentStatus status,
            UUID memberId,
            RiskSource source,
            @Nullable UUID sourceId,
            @Nullable UUID threadId,
            List<RiskSignal> signals,
            String textVersion,
            Instant openedAt,
            Instant deadline,
            int escalationTier,
            boolean noResponder,
            @Nullable Instant acknowledgedAt,
            @Nullable UUID acknowledgedBy,
            @Nullable Instant resolvedAt,
            @Nullable UUID resolvedBy,
            @Nullable IncidentOutcome outcome,
            @Nullable String note) {

        static IncidentView of(Incident incident) {
            return new IncidentView(
                    incident.id(),
                    incident.level(),
                    incident.categories().stream().sorted().toList(),
                    incident.status(),
                    incident.memberId(),
                    incident.source(),
                    incident.sourceId(),
                    incident.threadId(),
                    incident.signals(),
                    incident.textVersion(),
                    incident.openedAt(),
                    incident.deadline(),
                    incident.escalationTier(),
                    incident.noResponder(),
                    incident.acknowledgedAt(),
                    incident.acknowledgedBy(),
                    incident.resolvedAt(),
                    incident.resolvedBy(),
                    incident.outcome(),
                    incident.resolutionNote());
        }
    }

    record Queue(List<IncidentView> incidents) {}

    record Resolution(
            @NotNull IncidentOutcome outcome,
            @NotBlank @Size(max = 4000) String note) {}

    /** Without {@code status}: the incidents still being handled (OPEN and ACKNOWLEDGED). */
    @GetMapping
    @PreAuthorize("hasAnyRole('RESPONDER','ORG_ADMIN')")
    Queue list(
            @AuthenticationPrincipal Caller caller, @RequestParam(required = false) @Nullable IncidentStatus status) {
        Set<IncidentStatus> statuses =
                status == null ? EnumSet.of(IncidentStatus.OPEN, IncidentStatus.ACKNOWLEDGED) : EnumSet.of(status);
        return new Queue(incidents.queue(caller.organizationId(), statuses, 200).stream()
                .map(IncidentView::of)
                .toList());
    }

    @PostMapping("/{id}/acknowledge")
    @PreAuthorize("hasRole('RESPONDER')")
    IncidentView acknowledge(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return IncidentView.of(desk.acknowledge(id, caller.organizationId(), caller.requireUserId()));
    }

    @PostMapping("/{id}/resolve")
    @PreAuthorize("hasRole('RESPONDER')")
    IncidentView resolve(
            @AuthenticationPrincipal Caller caller, @PathVariable UUID id, @Valid @RequestBody Resolution resolution) {
        return IncidentView.of(desk.resolve(
                id, caller.organizationId(), caller.requireUserId(), resolution.outcome(), resolution.note()));
    }
}
