package org.hearth.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
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

/** A member's consents to staff of their organization. */
@RestController
@RequestMapping("/api/v1/consents")
@PreAuthorize("hasRole('MEMBER')")
class ConsentController {

    private final ConsentGrants consents;

    ConsentController(ConsentGrants consents) {
        this.consents = consents;
    }

    record GrantRequest(@Nullable UUID granteeId, @Nullable Set<ConsentScope> scopes) {}

    record Consent(
            UUID consentId,
            UUID granteeId,
            List<ConsentScope> scopes,
            Instant grantedAt,
            @Nullable Instant revokedAt) {
        static Consent of(ConsentGrants.Grant grant) {
            return new Consent(
                    grant.consentId(),
                    grant.granteeId(),
                    grant.scopes().stream().sorted().toList(),
                    grant.grantedAt(),
                    grant.revokedAt());
        }
    }

    @PostMapping
    ResponseEntity<Consent> grant(
            @AuthenticationPrincipal Caller member, @RequestBody GrantRequest body, HttpServletRequest request) {
        ConsentGrants.Grant grant = consents.grant(member, body.granteeId(), body.scopes(), request.getRemoteAddr());
        return ResponseEntity.status(HttpStatus.CREATED).body(Consent.of(grant));
    }

    /** The member's consents, newest first, revoked ones included with their {@code revokedAt}. */
    @GetMapping
    List<Consent> list(@AuthenticationPrincipal Caller member) {
        return consents.grantsOf(member.requireUserId()).stream()
                .map(Consent::of)
                .toList();
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(
            @AuthenticationPrincipal Caller member, @PathVariable UUID id, HttpServletRequest request) {
        consents.revoke(member, id, request.getRemoteAddr());
        return ResponseEntity.noContent().build();
    }
}
