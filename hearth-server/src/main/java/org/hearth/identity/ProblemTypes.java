package org.hearth.identity;

import java.net.URI;
import org.hearth.platform.Problems;

/**
 * The {@code type} of identity's problem details. Clients branch on these, so they never change;
 * {@link #SECOND_FACTOR_REQUIRED} tells a client to ask for the authenticator code and sign in again
 * with it in the {@code totp} field.
 */
final class ProblemTypes {

    static final URI VALIDATION = Problems.type("validation");
    static final URI EMAIL_TAKEN = Problems.type("email-taken");
    static final URI UNKNOWN_ORGANIZATION = Problems.type("unknown-organization");
    static final URI BAD_CREDENTIALS = Problems.type("bad-credentials");
    static final URI SECOND_FACTOR_REQUIRED = Problems.type("second-factor-required");
    static final URI INVALID_TOKEN = Problems.type("invalid-token");
    static final URI UNAUTHENTICATED = Problems.type("unauthenticated");
    static final URI FORBIDDEN = Problems.type("forbidden");
    static final URI NOT_FOUND = Problems.type("not-found");
    static final URI RATE_LIMITED = Problems.type("rate-limited");
    static final URI MFA_STATE = Problems.type("mfa-state");

    private ProblemTypes() {}
}
