package org.hearth;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the running application's HTTP API as a client would, for full-stack tests. */
public final class ApiClient {

    /** One answer: status, content type, Retry-After when present, and the JSON body (empty object if none). */
    public record Answer(
            int status, String contentType, @Nullable String retryAfter, JsonNode body) {}

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String base;

    /** @param base e.g. {@code http://localhost:8080} */
    public ApiClient(String base) {
        this.base = base;
    }

    public Answer call(String method, String path, @Nullable String bearer, @Nullable Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Accept", "application/json, application/problem+json, application/fhir+json")
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            if (bearer != null) {
                request.header("Authorization", "Bearer " + bearer);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode node = response.body().isEmpty() ? json.createObjectNode() : json.readTree(response.body());
            return new Answer(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Retry-After").orElse(null),
                    node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signs in and returns the access token; fails the test unless the login succeeds. */
    public String token(String email, String password) {
        Answer login = call("POST", "/api/v1/auth/login", null, Map.of("email", email, "password", password));
        if (login.status() != 200) {
            throw new AssertionError("login answered " + login.status());
        }
        return login.body().get("accessToken").asString();
    }
}
