package org.hearth.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.hearth.platform.DataProtection;
import org.hearth.platform.RateLimits;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Sign-up, sign-in and the token life cycle over the REST API. */
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

    private final Registration registration;
    private final SignIn signIn;
    private final Tokens tokens;
    private final RateLimits rateLimits;
    private final IdentityProperties properties;
    private final PasswordChanges passwords;
    private final DataProtection protection;

    AuthController(
            Registration registration,
            SignIn signIn,
            Tokens tokens,
            RateLimits rateLimits,
            IdentityProperties properties,
            PasswordChanges passwords,
            DataProtection protection) {
        this.registration = registration;
        this.signIn = signIn;
        this.tokens = tokens;
        this.rateLimits = rateLimits;
        this.properties = properties;
        this.passwords = passwords;
        this.protection = protection;
    }

    record RegisterRequest(
            @Nullable String email,
            @Nullable String password,
            @Nullable String displayName,
            @Nullable String locale,
            @Nullable String timeZone,
            @Nullable String organization) {}

    record Registered(UUID userId) {}

    record LoginRequest(
            @Nullable String email,
            @Nullable String password,
            @Nullable String totp) {}

    record RecoverRequest(
            @Nullable String email,
            @Nullable String recoveryCode,
            @Nullable String newPassword,
            @Nullable String totp) {}

    record Recovered(String recoveryCode) {}

    record RefreshRequest(@Nullable String refreshToken) {}

    record TokenPair(String accessToken, String refreshToken, long expiresIn) {
        static TokenPair of(Tokens.Pair pair) {
            return new TokenPair(pair.accessToken(), pair.refreshToken(), pair.expiresIn());
        }
    }

    @PostMapping("/register")
    ResponseEntity<Registered> register(@RequestBody RegisterRequest body, HttpServletRequest request) {
        RegistrationResult result = registration.register(new Registration.Request(
                body.email(),
                body.password(),
                body.displayName(),
                body.locale(),
                body.timeZone(),
                body.organization(),
                request.getRemoteAddr()));
        return switch (result) {
            case RegistrationResult.Registered registered ->
                ResponseEntity.status(HttpStatus.CREATED).body(new Registered(registered.userId()));
            case RegistrationResult.Limited limited -> throw IdentityException.rateLimited(limited.retryAfter());
            case RegistrationResult.Rejected rejected -> throw rejection(rejected);
        };
    }

    private static IdentityException rejection(RegistrationResult.Rejected rejected) {
        return switch (rejected.reason()) {
            case INVALID, UNKNOWN_ORGANIZATION -> IdentityException.invalid(rejected.errors());
            case EMAIL_TAKEN ->
                IdentityException.conflict(
                        ProblemTypes.EMAIL_TAKEN, "Email taken", "An account with this email exists.");
        };
    }

    @PostMapping("/login")
    ResponseEntity<TokenPair> login(@RequestBody LoginRequest body, HttpServletRequest request) {
        Caller caller = signIn.authenticate(body.email(), body.password(), body.totp(), request.getRemoteAddr());
        return noStore(TokenPair.of(tokens.issue(caller.requireUserId())));
    }

    @PostMapping("/refresh")
    ResponseEntity<TokenPair> refresh(@RequestBody RefreshRequest body, HttpServletRequest request) {
        var decision = rateLimits.tryConsume(
                "identity.refresh.ip:" + request.getRemoteAddr(),
                properties.rateLimits().refreshPerIp());
        if (!decision.allowed()) {
            throw IdentityException.rateLimited(decision.retryAfter());
        }
        return noStore(TokenPair.of(tokens.refresh(body.refreshToken(), request.getRemoteAddr())));
    }

    /**
     * Sets a new password with a private journal's recovery code, for a member who forgot theirs;
     * answers with the next recovery code, since the used one stops working.
     */
    @PostMapping("/recover")
    ResponseEntity<Recovered> recover(@RequestBody RecoverRequest body, HttpServletRequest request) {
        String code = passwords.recover(
                body.email(), body.recoveryCode(), body.newPassword(), body.totp(), request.getRemoteAddr());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new Recovered(code));
    }

    /**
     * Ends the sign-in the presented access token belongs to, on this device. A private journal is
     * locked again, on every device, until the member next signs in.
     */
    @PostMapping("/logout")
    ResponseEntity<Void> logout(Authentication authentication) {
        if (authentication instanceof BearerAuthentication bearer && bearer.familyId() != null) {
            tokens.revokeFamily(bearer.familyId(), "logout");
        }
        if (authentication.getPrincipal() instanceof Caller caller && caller.userId() != null) {
            protection.lock(caller.userId());
        }
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<TokenPair> noStore(TokenPair pair) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(pair);
    }
}
