package org.hearth.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Organization admins managing staff accounts and API keys of their own organization. */
@RestController
@RequestMapping("/api/v1/admin")
@PreAuthorize("hasRole('ORG_ADMIN')")
class AdminController {

    private final Enrolment enrolment;
    private final ApiKeys apiKeys;

    AdminController(Enrolment enrolment, ApiKeys apiKeys) {
        this.enrolment = enrolment;
        this.apiKeys = apiKeys;
    }

    record NewUser(
            @Nullable String email,
            @Nullable String password,
            @Nullable String displayName,
            @Nullable Set<Role> roles,
            @Nullable String locale,
            @Nullable String timeZone) {}

    record Created(UUID userId) {}

    record NewApiKey(@Nullable String name) {}

    record CreatedApiKey(UUID apiKeyId, String name, String key) {}

    record ApiKey(
            UUID apiKeyId,
            String name,
            Instant createdAt,
            @Nullable Instant revokedAt) {}

    @PostMapping("/users")
    ResponseEntity<Created> createUser(
            @AuthenticationPrincipal Caller admin, @RequestBody NewUser body, HttpServletRequest request) {
        UUID userId = enrolment.createUser(
                admin,
                body.email(),
                body.password(),
                body.displayName(),
                body.roles(),
                body.locale(),
                body.timeZone(),
                request.getRemoteAddr());
        return ResponseEntity.status(HttpStatus.CREATED).body(new Created(userId));
    }

    /** The key is in this answer only; Hearth keeps nothing it could show again. */
    @PostMapping("/api-keys")
    ResponseEntity<CreatedApiKey> createApiKey(
            @AuthenticationPrincipal Caller admin, @RequestBody NewApiKey body, HttpServletRequest request) {
        ApiKeys.Created created = apiKeys.create(admin, body.name(), request.getRemoteAddr());
        return ResponseEntity.status(HttpStatus.CREATED)
                .cacheControl(CacheControl.noStore())
                .body(new CreatedApiKey(
                        created.apiKeyId(),
                        body.name() == null ? "" : body.name().strip(),
                        created.key()));
    }

    @GetMapping("/api-keys")
    List<ApiKey> apiKeys(@AuthenticationPrincipal Caller admin) {
        return apiKeys.list(admin.organizationId()).stream()
                .map(k -> new ApiKey(k.apiKeyId(), k.name(), k.createdAt(), k.revokedAt()))
                .toList();
    }

    @DeleteMapping("/api-keys/{id}")
    ResponseEntity<Void> revokeApiKey(
            @AuthenticationPrincipal Caller admin, @PathVariable UUID id, HttpServletRequest request) {
        apiKeys.revoke(admin, id, request.getRemoteAddr());
        return ResponseEntity.noContent().build();
    }
}
