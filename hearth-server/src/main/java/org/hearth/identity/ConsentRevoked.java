package org.hearth.identity;

import java.time.Instant;
import java.util.UUID;

/** A member withdrew a consent; staff lose access from this moment on. */
public record ConsentRevoked(UUID consentId, UUID memberId, UUID granteeId, Instant at) {}
