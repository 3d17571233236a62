package org.hearth.identity;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** How a {@link Registration} ended. */
public sealed interface RegistrationResult {

    /** The account exists now. */
    record Registered(UUID userId) implements RegistrationResult {}

    /**
     * The input was refused.
     *
     * @param reason why, in a form the caller can map to a status
     * @param errors field name ({@code email}, {@code password}, …) to a message for the person
     */
    record Rejected(Reason reason, Map<String, String> errors) implements RegistrationResult {

        public Rejected {
            errors = Map.copyOf(errors);
        }
    }

    /** Too many sign-ups from this address; try again after {@code retryAfter}. */
    record Limited(Duration retryAfter) implements RegistrationResult {}

    enum Reason {
        /** A field is missing or malformed, or the password is too weak. */
        INVALID,
        /** An account with this email exists already. */
        EMAIL_TAKEN,
        /** No organization has the given slug. */
        UNKNOWN_ORGANIZATION
    }
}
