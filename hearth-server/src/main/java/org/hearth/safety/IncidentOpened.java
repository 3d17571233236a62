package org.hearth.safety;

import java.time.Instant;
import java.util.UUID;
import org.hearth.nlp.risk.RiskLevel;

/** An incident was opened for the organization's responders; it must be acknowledged by the deadline. */
public record IncidentOpened(
        UUID incidentId,
        UUID organizationId,
        UUID memberId,
        RiskLevel level,
        RiskSource source,
        Instant openedAt,
        Instant deadline) {}
