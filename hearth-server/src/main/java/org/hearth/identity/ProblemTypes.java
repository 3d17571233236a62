package org.hearth.identity;

import java.net.URI;

/**
 * The {@code type} of identity's problem details. Clients branch on these, so they never change;
 * {@link #SECOND_FACTOR_REQUIRED} tells a client to ask for the authenticator code and sign in again
 * with it in the {@code totp} field.
 */
final class ProblemTypes {

    static final URI VALIDATION = URI.create("urn:hearth:problem:validation");
    static final URI EMAIL_TAKEN = URI.create("urn:hearth:problem:email-taken");
    static final URI UNKNOWN_ORGANIZATION = URI.create("urn:hearth:problem:unknown-organization");
    static final URI BAD_CREDENTIALS = URI.create("urn:hearth:problem:bad-credentials");
    static final URI SECOND_FACTOR_REQUIRED = URI.create("urn:hearth:problem:second-factor-required");
    static final URI INVALID_TOKEN = URI.create("urn:hearth:problem:invalid-token");
    static final URI UNAUTHENTICATED = URI.create("urn:hearth:problem:unauthenticated");
    static final URI FORBIDDEN = URI.create("urn:hearth:problem:forbidden");
    static final URI NOT_FOUND = URI.create("urn:hearth:problem:not-found");
    static final URI RATE_LIMITED = URI.create("urn:hearth:problem:rate-limited");
    static final URI MFA_STATE = URI.create("urn:hearth:problem:mfa-state");

    private ProblemTypes() {}
}
