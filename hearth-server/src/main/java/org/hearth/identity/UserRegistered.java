package org.hearth.identity;

import java.time.Instant;
import java.util.UUID;

/** A person got an account, by registering themselves or being created by an organization admin. */
public record UserRegistered(UUID userId, UUID organizationId, Instant at) {}
