package org.hearth.care;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hearth.ApiClient;
import org.hearth.ApiClient.Answer;

/** Creates members and clinicians through the real HTTP API and signs them in. */
final class CarePeople {

    static final String ADMIN_EMAIL = "care-admin@care-tests.example.org";
    static final String PASSWORD = "a quiet room with a view";

    record Person(UUID id, String email, String token) {}

    private final ApiClient api;
    private String adminToken;

    CarePeople(ApiClient api) {
        this.api = api;
    }

    Person member(String name, String timeZone) {
        String email = email();
        Answer registered = api.call(
                "POST",
                "/api/v1/auth/register",
                null,
                Map.of("email", email, "password", PASSWORD, "displayName", name, "timeZone", timeZone));
        assertThat(registered.status()).isEqualTo(201);
        return new Person(
                UUID.fromString(registered.body().get("userId").asString()), email, api.token(email, PASSWORD));
    }

    Person clinician(String name, String timeZone) {
        if (adminToken == null) {
            adminToken = api.token(ADMIN_EMAIL, PASSWORD);
        }
        String email = email();
        Answer created = api.call(
                "POST",
                "/api/v1/admin/users",
                adminToken,
                Map.of(
                        "email", email,
                        "password", PASSWORD,
                        "displayName", name,
                        "roles", List.of("CLINICIAN"),
                        "timeZone", timeZone));
        assertThat(created.status()).isEqualTo(201);
        return new Person(UUID.fromString(created.body().get("userId").asString()), email, api.token(email, PASSWORD));
    }

    static String email() {
        return "person-" + UUID.randomUUID() + "@care-tests.example.org";
    }
}
