package org.hearth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hearth.ApiClient.Answer;

/**
 * Creates members and staff through the real HTTP API of a {@link MemberApiIntegrationTest} context
 * and signs them in, each with a fresh email and the same password.
 */
public final class MemberApiPeople {

    public static final String PASSWORD = "a long and private phrase";

    /** A signed-in person: their id, email and an access token. */
    public record Person(UUID id, String email, String token) {}

    private final ApiClient api;

    public MemberApiPeople(ApiClient api) {
        this.api = api;
    }

    /** A member who registered with US English (so US crisis lines) and signed in. */
    public Person member(String displayName) {
        String email = "member-" + UUID.randomUUID() + "@journal-tests.example.org";
        Answer registered = api.call(
                "POST",
                "/api/v1/auth/register",
                null,
                Map.of("email", email, "password", PASSWORD, "displayName", displayName, "locale", "en-US"));
        assertThat(registered.status()).isEqualTo(201);
        return new Person(
                UUID.fromString(registered.body().get("userId").asString()), email, api.token(email, PASSWORD));
    }

    /** A staff member the bootstrap admin created with {@code role}, signed in. */
    public Person staff(String role, String displayName) {
        String email = role.toLowerCase(java.util.Locale.ROOT) + "-" + UUID.randomUUID() + "@journal-tests.example.org";
        Answer created = api.call(
                "POST",
                "/api/v1/admin/users",
                api.token(MemberApiIntegrationTest.ADMIN_EMAIL, MemberApiIntegrationTest.ADMIN_PASSWORD),
                Map.of("email", email, "password", PASSWORD, "displayName", displayName, "roles", List.of(role)));
        assertThat(created.status()).isEqualTo(201);
        return new Person(UUID.fromString(created.body().get("userId").asString()), email, api.token(email, PASSWORD));
    }
}
