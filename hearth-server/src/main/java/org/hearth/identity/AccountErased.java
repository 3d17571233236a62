package org.hearth.identity;

import java.time.Instant;
import java.util.UUID;

/** A person's account was erased; modules holding data of theirs delete it on this event. */
public record AccountErased(UUID userId, UUID organizationId, Instant erasedAt) {}
