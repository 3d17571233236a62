package org.hearth.safety;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What responders do with incidents, and what happens when they do not do it in time. */
@Service
class IncidentDesk {

    private static final Logger log = LoggerFactory.getLogger(IncidentDesk.class);

    /** Why an action on an incident was refused. */
    static final class NotFound extends RuntimeException {
        NotFound() {
            super("No such incident in this organization", null, false, false);
        }
    }

    static final class WrongState extends RuntimeException {
        WrongState(IncidentStatus status) {
            super("The incident is " + status, null, false, false);
        }
    }

    private final Incidents incidents;
    private final IncidentDeadlines deadlines;
    private final SafetyProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    IncidentDesk(
            Incidents incidents,
            IncidentDeadlines deadlines,
            SafetyProperties properties,
            ApplicationEventPublisher events,
            Clock clock) {
        this.incidents = incidents;
        this.deadlines = deadlines;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    Incident acknowledge(UUID incidentId, UUID organizationId, UUID responderId) {
        Incident incident = incidents.find(incidentId, organizationId).orElseThrow(NotFound::new);
        Instant now = now();
        if (!incidents.acknowledge(incidentId, responderId, now)) {
            throw new WrongState(incident.status());
        }
        deadlines.cancel(incidentId, incident.escalationTier());
        events.publishEvent(new IncidentAcknowledged(incidentId, organizationId, responderId, now));
        return incidents.find(incidentId).orElseThrow();
    }

    @Transactional
    Incident resolve(UUID incidentId, UUID organizationId, UUID responderId, IncidentOutcome outcome, String note) {
        Incident incident = incidents.find(incidentId, organizationId).orElseThrow(NotFound::new);
        Instant now = now();
        if (!incidents.resolve(incidentId, responderId, outcome, note, now)) {
            throw new WrongState(incident.status());
        }
        if (incident.status() == IncidentStatus.OPEN) {
            deadlines.cancel(incidentId, incident.escalationTier());
        }
        events.publishEvent(new IncidentResolved(incidentId, organizationId, responderId, outcome, now));
        return incidents.find(incidentId).orElseThrow();
    }

    /**
     * A deadline passed. If the incident is still OPEN at that tier, it moves to the next tier with
     * a new deadline of the same length, so that the people of that tier are told again and again
     * until someone acknowledges it.
     */
    @Transactional
    void deadlinePassed(UUID incidentId, int tier) {
        Incident incident = incidents.find(incidentId).orElse(null);
        if (incident == null || incident.status() != IncidentStatus.OPEN || incident.escalationTier() != tier) {
            return;
        }
        Instant now = now();
        Instant next = now.plus(properties.deadline(incident.level()));
        if (!incidents.escalate(incidentId, tier, now, next)) {
            return;
        }
        deadlines.schedule(incidentId, tier + 1, next);
        log.warn(
                "Incident {} ({}) was not acknowledged in time; escalated to tier {}",
                incidentId,
                incident.level(),
                tier + 1);
        events.publishEvent(
                new IncidentEscalated(incidentId, incident.organizationId(), incident.level(), tier + 1, now, next));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
