package org.hearth.safety;

import java.time.Instant;
import java.util.UUID;

/** A responder took an incident on; its escalation stops. */
public record IncidentAcknowledged(UUID incidentId, UUID organizationId, UUID responderId, Instant acknowledgedAt) {}
