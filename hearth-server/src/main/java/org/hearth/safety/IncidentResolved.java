package org.hearth.safety;

import java.time.Instant;
import java.util.UUID;

/** A responder closed an incident with its outcome. */
public record IncidentResolved(
        UUID incidentId, UUID organizationId, UUID responderId, IncidentOutcome outcome, Instant resolvedAt) {}
