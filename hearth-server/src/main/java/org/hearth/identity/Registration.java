package org.hearth.identity;

import org.jspecify.annotations.Nullable;

/**
 * Self-service sign-up of members, shared by the REST API and the web UI's sign-up form. Applies
 * the same validation, password policy and per-address rate limit on both paths.
 */
public interface Registration {

    /**
     * Creates a member account (role {@link Role#MEMBER}) and publishes {@link UserRegistered}.
     * Never throws for bad input: every refusal is a {@link RegistrationResult} the caller must show.
     */
    RegistrationResult register(Request request);

    /**
     * Creates a staff account in the admin's organization with the given roles, as
     * {@code POST /api/v1/admin/users} does; for the admin's web page. Never throws for bad input.
     *
     * @param admin the signed-in organization admin; the role is checked again here
     */
    RegistrationResult createStaff(Caller admin, StaffRequest request);

    /**
     * What an admin types to create a staff account.
     *
     * @param roles one or more of the staff roles and TRAINEE
     */
    record StaffRequest(
            @Nullable String email,
            @Nullable String password,
            @Nullable String displayName,
            java.util.Set<Role> roles,
            @Nullable String sourceAddress) {

        public StaffRequest {
            roles = java.util.Set.copyOf(roles);
        }
    }

    /**
     * What a person types to sign up.
     *
     * @param email the sign-in name; compared without regard to case
     * @param password at least ten characters and not a commonly used password
     * @param displayName how Hearth addresses the person
     * @param locale a BCP 47 language tag, {@code en-US} when null
     * @param timeZone an IANA time-zone id, {@code UTC} when null
     * @param organization the slug of the organization to join, the default organization when null
     * @param sourceAddress the client's IP address, for the rate limit and the audit log
     */
    record Request(
            @Nullable String email,
            @Nullable String password,
            @Nullable String displayName,
            @Nullable String locale,
            @Nullable String timeZone,
            @Nullable String organization,
            @Nullable String sourceAddress) {}
}
