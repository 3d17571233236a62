package org.hearth.safety;

import java.time.Instant;
import java.util.UUID;
import org.hearth.nlp.risk.RiskLevel;

/**
 * Nobody acknowledged an incident by its deadline; it moved to the next tier of people.
 *
 * @param tier the tier now notified: 2 adds the organization's admins, higher tiers repeat
 * @param deadline the new deadline for this tier
 */
public record IncidentEscalated(
        UUID incidentId, UUID organizationId, RiskLevel level, int tier, Instant escalatedAt, Instant deadline) {}
