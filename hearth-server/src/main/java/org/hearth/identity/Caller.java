package org.hearth.identity;

import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The authenticated principal of a request, over the API (bearer token or API key) and in the web
 * UI (session) alike. Controllers receive it with {@code @AuthenticationPrincipal Caller caller}.
 *
 * @param userId the signed-in person; null when an API key is calling
 * @param organizationId the organization the call acts within
 * @param roles the person's roles in that organization; empty for an API key
 * @param apiKeyId the API key that authenticated the call, or null for a person
 */
public record Caller(
        @Nullable UUID userId,
        UUID organizationId,
        Set<Role> roles,
        @Nullable UUID apiKeyId) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    /** A signed-in person. */
    public static Caller person(UUID userId, UUID organizationId, Set<Role> roles) {
        return new Caller(userId, organizationId, roles, null);
    }

    /** A server-to-server client holding an API key of the organization. */
    public static Caller apiKey(UUID apiKeyId, UUID organizationId) {
        return new Caller(null, organizationId, Set.of(), apiKeyId);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isStaff() {
        return roles.stream().anyMatch(Role::isStaff);
    }

    /** The person's id; fails for an API key, which is not a person. */
    public UUID requireUserId() {
        if (userId == null) {
            throw new IllegalStateException("This call is made with an API key, not by a person");
        }
        return userId;
    }
}
