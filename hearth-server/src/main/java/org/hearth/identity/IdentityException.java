package org.hearth.identity;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * A refusal that identity's controllers turn into a problem detail. Carries no stack trace: these
 * are expected outcomes, not bugs, and the message never holds a password, token or member text.
 */
final class IdentityException extends RuntimeException {

    final HttpStatus status;
    final URI type;
    final String title;
    final Map<String, String> errors;
    final @Nullable Duration retryAfter;

    private IdentityException(
            HttpStatus status,
            URI type,
            String title,
            String detail,
            Map<String, String> errors,
            @Nullable Duration retryAfter) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = Map.copyOf(errors);
        this.retryAfter = retryAfter;
    }

    static IdentityException invalid(Map<String, String> errors) {
        return new IdentityException(
                HttpStatus.BAD_REQUEST,
                ProblemTypes.VALIDATION,
                "Invalid input",
                "Some fields need another look.",
                errors,
                null);
    }

    static IdentityException conflict(URI type, String title, String detail) {
        return new IdentityException(HttpStatus.CONFLICT, type, title, detail, Map.of(), null);
    }

    static IdentityException notFound(String detail) {
        return new IdentityException(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found", detail, Map.of(), null);
    }

    static IdentityException forbidden(String detail) {
        return new IdentityException(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden", detail, Map.of(), null);
    }

    static IdentityException badCredentials() {
        return new IdentityException(
                HttpStatus.UNAUTHORIZED,
                ProblemTypes.BAD_CREDENTIALS,
                "Sign-in failed",
                "The email or the password is not right.",
                Map.of(),
                null);
    }

    static IdentityException unauthorized(String title, String detail) {
        return new IdentityException(
                HttpStatus.UNAUTHORIZED, ProblemTypes.BAD_CREDENTIALS, title, detail, Map.of(), null);
    }

    static IdentityException secondFactorRequired(boolean codeGiven) {
        return new IdentityException(
                HttpStatus.UNAUTHORIZED,
                ProblemTypes.SECOND_FACTOR_REQUIRED,
                "Second factor required",
                codeGiven
                        ? "The authenticator or recovery code was not accepted."
                        : "Enter the code from your authenticator app, or a recovery code, in the totp field.",
                Map.of(),
                null);
    }

    static IdentityException invalidToken() {
        return new IdentityException(
                HttpStatus.UNAUTHORIZED,
                ProblemTypes.INVALID_TOKEN,
                "Invalid token",
                "The token is unknown, expired or revoked. Sign in again.",
                Map.of(),
                null);
    }

    static IdentityException rateLimited(Duration retryAfter) {
        return new IdentityException(
                HttpStatus.TOO_MANY_REQUESTS,
                ProblemTypes.RATE_LIMITED,
                "Too many requests",
                "Too many attempts. Try again in " + retryAfter.toSeconds() + " seconds.",
                Map.of(),
                retryAfter);
    }

    boolean needsSecondFactor() {
        return type.equals(ProblemTypes.SECOND_FACTOR_REQUIRED);
    }
}
